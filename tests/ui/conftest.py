"""Driving the console's UI against the sandbox.

- `ui_sandbox`: a session-wide sandbox that UI tests only read, so snapshots stay stable.
- `fresh_sandbox` (from tests/conftest.py): for tests whose actions change data.
- `make_app(sandbox, read_only=False)`: a ConsoleApp on that sandbox with its own journal
  (`remember=True`: it keeps the last tab and list, in the test's own data directory).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.journal import Journal
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import EmbeddedSandbox, SandboxOptions
from console.service.service import Service
from screens.app import ConsoleApp, Launch
from tests.conftest import FAST, available_vendors

MakeApp = Callable[..., ConsoleApp]


@pytest.fixture(scope="session")
def ui_sandbox() -> Iterator[EmbeddedSandbox]:
    with EmbeddedSandbox(SandboxOptions(vendors=available_vendors(), seed=0)) as running:
        yield running


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[MakeApp]:
    journals: list[Journal] = []

    def make(
        sandbox: EmbeddedSandbox,
        *,
        read_only: bool = False,
        theme: str | None = None,
        keymap: dict[str, str] | None = None,
        remember: bool = False,
    ) -> ConsoleApp:
        journal = Journal(tmp_path / f"journal-{len(journals)}.sqlite3")
        journals.append(journal)
        profile = sandbox_profile(sandbox.config, read_only=read_only)
        service = Service(profile, journal=journal, settings=FAST)
        launch = Launch(
            service=service,
            remember=remember,
            theme=theme,
            keymap=keymap or {},
            read_only=read_only,
        )
        app = ConsoleApp(launch)
        app.animation_level = "none"  # nothing may be caught mid-animation in a snapshot
        return app

    yield make
    for journal in journals:
        journal.close()
