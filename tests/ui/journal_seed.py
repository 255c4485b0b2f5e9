"""A journal with fixed entries (fixed times and request ids) for tests and snapshots."""

from __future__ import annotations

from pathlib import Path

from console.journal import Journal, JournalEntry

ENTRIES = (
    JournalEntry(
        profile="sandbox",
        endpoint="zendesk_sell.listContacts",
        inputs={"per_page": 100},
        outcome="ok",
        status=200,
        latency_ms=41.3,
        request_id="req-0001-contacts",
        items=100,
        requests=1,
        time="2026-11-02T09:00:01.000+00:00",
    ),
    JournalEntry(
        profile="sandbox",
        endpoint="zendesk_sell.updateContact",
        inputs={"id": 12, "email": "not-an-email", "access_token": "***"},
        outcome="error",
        status=422,
        latency_ms=87.0,
        request_id="req-0002-update",
        error="Unprocessable: email is not a valid address",
        requests=1,
        time="2026-11-02T09:03:12.500+00:00",
    ),
    JournalEntry(
        profile="sandbox",
        endpoint="salesforce.pauseActionCadenceTracker",
        inputs={"targetId": "a0X000000000001"},
        outcome="refused",
        error="changes data and the console is in read-only mode; nothing was sent.",
        requests=0,
        time="2026-11-02T09:05:00.000+00:00",
    ),
    JournalEntry(
        profile="sandbox",
        endpoint="salesforce.skipStep",
        inputs=[{"trackerId": "a0Y1"}, {"trackerId": "a0Y2"}],
        outcome="partial",
        status=200,
        latency_ms=230.4,
        request_id="req-0004-skip",
        error="a0Y2: step already complete",
        requests=1,
        time="2026-11-02T09:07:45.000+00:00",
    ),
    JournalEntry(
        profile="sandbox",
        endpoint="totango.searchAccounts",
        inputs={"count": 20, "terms": [{"type": "string", "term": "acme"}]},
        outcome="ok",
        status=200,
        latency_ms=12.9,
        request_id="req-0005-search",
        items=3,
        requests=1,
        time="2026-11-02T09:10:30.000+00:00",
    ),
)


def seeded_journal(path: Path) -> Journal:
    journal = Journal(path)
    for entry in ENTRIES:
        journal.record(entry)
    return journal
