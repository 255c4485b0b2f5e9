"""The journal: one row per call, with outcome, status, latency and request id."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from console.errors import InputError, VendorError
from console.journal import Journal, JournalEntry
from console.service.service import Service


def test_wal_mode_and_tail_order(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    for i in range(5):
        journal.record(
            JournalEntry(profile="p", endpoint=f"totango.e{i}", inputs={"i": i}, outcome="ok")
        )
    assert [e.endpoint for e in journal.tail(3)] == ["totango.e2", "totango.e3", "totango.e4"]
    assert journal.tail(10, endpoint_prefix="totango.e1")[0].inputs == {"i": 1}
    mode = sqlite3.connect(tmp_path / "j.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    journal.close()


async def test_service_calls_are_journaled(service: Service, journal: Journal) -> None:
    await service.call("totango.searchAccounts", {"count": 2})
    with pytest.raises(InputError):
        await service.call("totango.searchAccounts", {"count": 0})
    ok, refused = journal.tail(2)
    assert (ok.endpoint, ok.outcome, ok.status, ok.items, ok.requests) == (
        "totango.searchAccounts",
        "ok",
        200,
        2,
        1,
    )
    assert ok.request_id
    assert ok.latency_ms is not None
    assert refused.outcome == "refused"
    assert refused.requests == 0
    assert refused.error
    assert "count" in refused.error


async def test_iterate_journals_each_page(service: Service, journal: Journal) -> None:
    pages = [p async for p in service.iterate("totango.searchAccounts", {"count": 100})]
    assert sum(len(p.items) for p in pages) == 300
    entries = journal.tail(3)
    assert [e.inputs["_page"] for e in entries] == [1, 2, 3]
    assert [e.items for e in entries] == [100, 100, 100]
    assert sum(e.requests or 0 for e in entries) == 3


async def test_a_list_read_one_page_at_a_time_is_journaled(
    service: Service, journal: Journal
) -> None:
    pages = service.iterate("totango.searchAccounts", {"count": 50})
    first = await pages.__anext__()
    await pages.aclose()  # a console list stops after its first page
    (entry,) = journal.tail(1)
    assert entry.items == len(first.items) == 50
    assert entry.outcome == "ok"


async def test_quiet_polls_journal_only_what_brought_something(
    service: Service, journal: Journal
) -> None:
    """The Firehose tail polls every second: empty reads must not flood the journal."""
    read = {"resource": "contacts", "position": "top", "limit": 5}
    top = await service.call("zendesk_sell.getStream", read, quiet=True)
    assert top.data.items == []
    assert journal.tail(5) == []
    history = await service.call("zendesk_sell.getStream", {**read, "position": "tail"}, quiet=True)
    assert history.data.items
    with pytest.raises(VendorError):
        await service.call("zendesk_sell.getStream", {**read, "position": "bogus"}, quiet=True)
    assert [e.outcome for e in journal.tail(5)] == ["ok", "error"]
