"""The blocking facade: the same service, usable where an event loop already runs."""

from __future__ import annotations

import asyncio

import pytest

from console.errors import InputError
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import EmbeddedSandbox
from console.service.service import Service
from console.service.sync import SyncConsole


def test_sync_calls_pages_and_errors(sandbox: EmbeddedSandbox) -> None:
    crm = SyncConsole(lambda: Service(sandbox_profile(sandbox.config)))
    try:
        rows = crm.data("totango.searchAccounts", count=3)
        assert len(rows) == 3
        pages = list(crm.pages("totango.searchAccounts", count=150))
        assert [len(p.items) for p in pages] == [150, 150]
        with pytest.raises(InputError) as err:
            crm.call("totango.searchAccounts", count=0)
        assert err.value.fields == ["count"]
    finally:
        crm.close()


async def test_usable_inside_a_running_event_loop(sandbox: EmbeddedSandbox) -> None:
    # Jupyter runs cells inside an event loop; the facade must not try to nest loops.
    assert asyncio.get_running_loop()
    with SyncConsole(lambda: Service(sandbox_profile(sandbox.config))) as crm:
        assert len(crm.data("totango.searchAccounts", count=2)) == 2
