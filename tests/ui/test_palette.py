"""The palette lists every endpoint and app command, built once per opening, not per key."""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import CommandList, CommandPalette

import screens.palette
from console.catalog import all_endpoints
from console.sandbox.server import EmbeddedSandbox
from tests.ui.conftest import MakeApp
from tests.ui.helpers import settle_focused, wait_for


def _prompts(app: Any) -> list[str]:
    found = app.screen.query(CommandList)
    if not found:
        return []
    options = found.first()
    prompts = (str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
    return [prompt.split("\n", 1)[0] for prompt in prompts]  # the title, not the help line


async def test_the_palette_lists_every_endpoint_and_builds_its_commands_once_per_opening(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    for name in ("endpoint_commands", "app_commands"):
        original = getattr(screens.palette, name)

        def counted(app: Any, original: Any = original, name: str = name) -> Any:
            built.append(name)
            return original(app)

        monkeypatch.setattr(screens.palette, name, counted)
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_focused(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        titles = [ep.palette_title for ep in all_endpoints()]
        await wait_for(pilot, lambda: len(_prompts(app)) >= len(titles))
        listed = _prompts(app)
        assert set(titles) <= set(listed)
        assert "Read-only: on" in listed
        assert "Read-only: off" not in listed  # the palette offers only the switch that acts
        await pilot.press(*"create contact")
        await wait_for(pilot, lambda: _prompts(app)[:1] == ["Zendesk Sell: Create Contact"])
        await pilot.press(*["backspace"] * 7, *"deal")
        await wait_for(pilot, lambda: _prompts(app)[:1] == ["Zendesk Sell: Create Deal"])
        assert sorted(built) == ["app_commands", "endpoint_commands"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
        await pilot.press("ctrl+p")  # a new opening lists afresh (read-only may have changed)
        await wait_for(pilot, lambda: len(_prompts(app)) >= len(titles))
        assert sorted(built) == ["app_commands"] * 2 + ["endpoint_commands"] * 2
