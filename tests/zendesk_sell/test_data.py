"""Seeded sandbox data: deterministic, consistent, scalable, and kept in a state file."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from console.sandbox.common.store import Store
from console.sandbox.zendesk_sell import Sandbox


@pytest.fixture(scope="module")
def seeded() -> Sandbox:
    return Sandbox(seed=0)


def _rows(sb: Sandbox, table: str) -> list[dict[str, object]]:
    return sb.store.table(table).values()


def test_same_seed_same_data_and_other_seed_other_data(seeded: Sandbox) -> None:
    again = Sandbox(seed=0)
    for table in ("contacts", "deals", "leads", "notes", "tasks", "orders", "products", "users"):
        assert _rows(again, table) == _rows(seeded, table), table
    assert again.demo == seeded.demo
    other = Sandbox(seed=1)
    assert _rows(other, "contacts") != _rows(seeded, "contacts")
    assert other.demo.token != seeded.demo.token


def test_default_counts_and_scale(seeded: Sandbox) -> None:
    counts = {t: len(seeded.store.table(t)) for t in ("contacts", "deals", "leads", "pipelines")}
    assert counts == {"contacts": 500, "deals": 300, "leads": 200, "pipelines": 3}
    assert len(Sandbox(seed=0, scale=2).store.table("contacts")) == 1000


def test_records_refer_to_records_that_exist(seeded: Sandbox) -> None:
    contacts = {c["id"]: c for c in _rows(seeded, "contacts")}
    orgs = {i for i, c in contacts.items() if c["is_organization"]}
    people = [c for c in contacts.values() if not c["is_organization"]]
    assert 100 <= len(orgs) <= 200
    assert all(p["contact_id"] is None or p["contact_id"] in orgs for p in people)
    assert sum(p["contact_id"] is not None for p in people) > len(people) / 2
    stages = {s["id"]: s for s in _rows(seeded, "stages")}
    deals = _rows(seeded, "deals")
    assert {stages[d["stage_id"]]["pipeline_id"] for d in deals} == {1, 2}
    assert all(d["contact_id"] in contacts and d["organization_id"] in orgs for d in deals)
    assert all(a["contact_id"] in contacts for d in deals for a in d["_contacts"])
    orders = _rows(seeded, "orders")
    assert len({o["deal_id"] for o in orders}) == len(orders)
    products = {p["id"] for p in _rows(seeded, "products")}
    assert all(i["product_id"] in products for o in orders for i in o["_items"])
    tables = {"lead": "leads", "contact": "contacts", "deal": "deals"}
    for row in [*_rows(seeded, "notes"), *_rows(seeded, "tasks")]:
        if row["resource_type"] is not None:
            assert row["resource_id"] in seeded.store.table(tables[str(row["resource_type"])])


def test_tasks_cover_every_state(seeded: Sandbox) -> None:
    tasks = _rows(seeded, "tasks")
    assert any(t["resource_type"] is None for t in tasks)
    assert any(t["completed"] for t in tasks)
    assert any(not t["completed"] and str(t["due_date"]) < "2026-11-02" for t in tasks)
    assert any(t["remind_at"] for t in tasks)


def test_custom_fields_cover_several_types(seeded: Sandbox) -> None:
    by_type: dict[str, set[str]] = {}
    for field in _rows(seeded, "custom_fields"):
        by_type.setdefault(str(field["resource_type"]), set()).add(str(field["type"]))
    assert set(by_type) == {"contact", "lead", "deal"}
    assert {"string", "list", "number", "bool", "date", "multi_select_list"} <= by_type["contact"]


async def test_state_file_keeps_changes_and_stream_positions(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    first = Sandbox(seed=0, store=Store("zendesk_sell", path))
    headers = {"Authorization": f"Bearer {first.demo.token}"}
    transport = httpx.ASGITransport(app=first.build_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://sb", headers=headers) as c:
        made = (await c.post("/v2/contacts", json={"data": {"last_name": "Kept"}})).json()
        top = (await c.get("/v3/contacts/stream", params={"position": "top"})).json()
    first.store.close()
    second = Sandbox(seed=0, store=Store("zendesk_sell", path))
    assert second.store.table("contacts").get(made["data"]["id"])["last_name"] == "Kept"
    transport = httpx.ASGITransport(app=second.build_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://sb", headers=headers) as c:
        r = await c.get("/v3/contacts/stream", params={"position": top["meta"]["position"]})
        assert (r.status_code, r.json()["items"]) == (200, [])
        again = await c.post("/v2/contacts", json={"data": {"last_name": "Next"}})
        assert again.json()["data"]["id"] == made["data"]["id"] + 1
    second.store.close()
