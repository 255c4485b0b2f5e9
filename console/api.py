"""Opening the service from code: `connect()` for notebooks and scripts, `open_service()` async.

from console import connect
crm = connect()                       # the default profile, or the sandbox if none
crm.call("zendesk_sell.listContacts", per_page=5).to_jsonable()
"""

from __future__ import annotations

from dataclasses import dataclass

from console.config.choice import wants_sandbox
from console.config.profile import Profile
from console.config.store import load_profile
from console.journal import Journal
from console.sandbox.server import EmbeddedSandbox, SandboxOptions
from console.service.service import Service
from console.service.sync import SyncConsole

__all__ = ["Session", "connect", "default_journal", "open_session", "wants_sandbox"]


@dataclass(slots=True)
class Session:
    """A resolved profile, and the embedded sandbox when the profile is the sandbox."""

    profile: Profile
    sandbox: EmbeddedSandbox | None = None

    def close(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None


def open_session(
    profile: str | None = None,
    *,
    sandbox: bool | None = None,
    read_only: bool | None = None,
    sandbox_options: SandboxOptions | None = None,
) -> Session:
    """Resolve the profile; start the embedded sandbox when it is wanted (or nothing else is)."""
    if wants_sandbox(profile, sandbox):
        from console.sandbox.profile import sandbox_profile

        embedded = EmbeddedSandbox(sandbox_options).start()
        prof = sandbox_profile(embedded.config, read_only=bool(read_only))
        return Session(prof, embedded)
    prof = load_profile(profile)
    if read_only is not None:
        prof.read_only = read_only or prof.read_only
    return Session(prof)


def default_journal() -> Journal:
    from console.config.paths import journal_file

    return Journal(journal_file())


def connect(
    profile: str | None = None,
    *,
    sandbox: bool | None = None,
    read_only: bool | None = None,
    journal: bool = True,
) -> SyncConsole:
    session = open_session(profile, sandbox=sandbox, read_only=read_only)
    log = default_journal() if journal else None
    return SyncConsole(lambda: Service(session.profile, journal=log), on_close=session.close)
