"""The Firehose (/v3/{resource}/stream): events, positions, retention, over plain HTTP."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from tests.conftest import Admin
from tests.zendesk_sell.conftest import error_of, unique


def _read(http: httpx.Client, resource: str, position: str, limit: int = 100) -> dict[str, Any]:
    r = http.get(f"/v3/{resource}/stream", params={"position": position, "limit": limit})
    assert r.status_code == 200, r.text
    return dict(r.json())


def _drain(http: httpx.Client, resource: str, position: str) -> tuple[list[dict[str, Any]], str]:
    events: list[dict[str, Any]] = []
    while True:
        page = _read(http, resource, position)
        events += page["items"]
        position = page["meta"]["position"]
        if page["meta"]["top"]:
            return events, position


def test_seeded_history_is_readable_from_the_tail(http: httpx.Client) -> None:
    page = _read(http, "deals", "tail", limit=5)
    assert len(page["items"]) == 5
    meta = page["items"][0]["meta"]
    assert meta["type"] == "deal"
    assert meta["event_type"] in ("created", "updated")
    assert {"event_id", "event_cause", "event_time", "sequence"} <= set(meta)
    assert page["meta"]["top"] is False
    assert page["meta"]["links"]["next"].endswith(f"position={page['meta']['position']}")
    seeded = [
        e
        for e in _drain(http, "deals", "tail")[0]
        if e["meta"]["event_cause"] == "user_action" and e["meta"]["event_type"] == "updated"
    ]
    assert seeded
    assert all("stage_id" in e["meta"]["previous"] for e in seeded)


def test_changes_appear_as_created_updated_and_deleted_events(http: httpx.Client) -> None:
    _, position = _drain(http, "leads", "tail")
    lead = http.post("/v2/leads", json={"data": {"last_name": unique("L"), "status": "New"}})
    lead_id = lead.json()["data"]["id"]
    http.put(f"/v2/leads/{lead_id}", json={"data": {"status": "Working", "title": "CTO"}})
    http.delete(f"/v2/leads/{lead_id}")
    events, _ = _drain(http, "leads", position)
    mine = [e for e in events if e["data"]["id"] == lead_id]
    assert [e["meta"]["event_type"] for e in mine] == ["created", "updated", "deleted"]
    assert [e["meta"]["sequence"] for e in mine] == [1, 2, 3]
    assert mine[1]["meta"]["previous"] == {"status": "New", "title": None}
    assert mine[1]["data"]["status"] == "Working"
    assert "previous" not in mine[0]["meta"]
    assert mine[2]["data"]["title"] == "CTO"


def test_top_starts_at_the_newest_and_only_sees_what_follows(http: httpx.Client) -> None:
    top = _read(http, "tasks", "top")
    assert top["items"] == []
    assert top["meta"]["top"] is True
    created = http.post("/v2/tasks", json={"data": {"content": unique("Call")}}).json()["data"]
    after = _read(http, "tasks", top["meta"]["position"])
    assert [e["data"]["id"] for e in after["items"]] == [created["id"]]
    assert after["meta"]["top"] is True
    again = _read(http, "tasks", after["meta"]["position"])
    assert again["items"] == []
    assert again["meta"]["position"] == after["meta"]["position"]


def test_limit_pages_through_the_events_in_order(http: httpx.Client) -> None:
    everything, _ = _drain(http, "contacts", "tail")
    collected: list[str] = []
    position = "tail"
    while True:
        page = _read(http, "contacts", position, limit=3)
        assert len(page["items"]) <= 3
        collected += [e["meta"]["event_id"] for e in page["items"]]
        position = page["meta"]["position"]
        if page["meta"]["top"]:
            break
    assert collected == [e["meta"]["event_id"] for e in everything][: len(collected)]
    assert len(collected) >= len(everything)


@pytest.mark.parametrize("limit", ["0", "101", "ten"])
def test_limit_out_of_range_is_400(http: httpx.Client, limit: str) -> None:
    r = http.get("/v3/deals/stream", params={"position": "tail", "limit": limit})
    assert (r.status_code, error_of(r)["code"]) == (400, "invalid_param")


def test_position_is_required(http: httpx.Client) -> None:
    r = http.get("/v3/deals/stream")
    assert (r.status_code, error_of(r)["code"]) == (400, "invalid_param")


def test_garbage_or_foreign_positions_are_410(http: httpx.Client) -> None:
    assert http.get("/v3/deals/stream", params={"position": "garbage"}).status_code == 410
    deals_position = _read(http, "deals", "top")["meta"]["position"]
    r = http.get("/v3/contacts/stream", params={"position": deals_position})
    assert r.status_code == 410
    assert error_of(r)["code"] == "gone"
    assert r.json()["meta"]["logref"] == r.headers["X-Request-Id"]


def test_positions_older_than_the_retention_are_410(http: httpx.Client, adm: Admin) -> None:
    old = _read(http, "notes", "tail", limit=1)["meta"]["position"]
    adm.settings(firehose_retention_seconds=0.2)
    time.sleep(0.3)
    assert http.get("/v3/notes/stream", params={"position": old}).status_code == 410
    # The tail moved past the dropped events: reading from it works and is caught up.
    tail = _read(http, "notes", "tail")
    assert tail["items"] == []
    assert tail["meta"]["top"] is True


def test_an_empty_page_behind_the_top_says_top_false(http: httpx.Client, adm: Admin) -> None:
    adm.settings(firehose_empty_pages=1)
    first = _read(http, "products", "tail")
    assert (first["items"], first["meta"]["top"]) == ([], False)
    second = _read(http, "products", first["meta"]["position"])
    assert second["items"]
    # At the top there is nothing to lag behind: empty and top.
    adm.settings(firehose_empty_pages=1)
    caught_up = _read(http, "products", "top")
    assert caught_up["meta"]["top"] is True


def test_unknown_stream_is_404(http: httpx.Client) -> None:
    assert http.get("/v3/unicorns/stream", params={"position": "tail"}).status_code == 404
