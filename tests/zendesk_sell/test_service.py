"""Every Zendesk Sell endpoint through the Service, against the sandbox, and its error cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console import catalog
from console.errors import (
    AuthenticationError,
    GoneError,
    InputError,
    NotFoundError,
    RateLimitError,
    ReadOnlyError,
    UnprocessableError,
)
from console.models import Deleted, PickerOption
from console.sandbox.profile import sandbox_profile
from console.sandbox.server import EmbeddedSandbox
from console.service.service import Service
from console.vendors.zendesk_sell.models import Contact, Deal, StreamPage
from tests.conftest import FAST, Admin
from tests.zendesk_sell.conftest import unique


async def test_contacts_crud_and_upsert(service: Service) -> None:
    made = await service.call(
        "zendesk_sell.createContact",
        {
            "first_name": "Grace",
            "last_name": unique("Hopper"),
            "address": {"city": "Arlington"},
            "custom_fields": {"known_via": "Navy"},
            "tags": ["vip"],
        },
    )
    assert isinstance(made.data, Contact)
    assert made.status == 200
    assert made.request_id
    cid = made.data.id
    got = await service.call("zendesk_sell.getContact", {"id": cid})
    assert got.data.address.city == "Arlington"
    changed = await service.call("zendesk_sell.updateContact", {"id": cid, "title": "Admiral"})
    assert (changed.data.title, changed.data.tags) == ("Admiral", ["vip"])
    listed = await service.call(
        "zendesk_sell.listContacts", {"ids": [cid], "address[city]": "Arlington"}
    )
    assert [c.id for c in listed.data] == [cid]
    upserted = await service.call(
        "zendesk_sell.upsertContact",
        {
            "filters": {"custom_fields[known_via]": "Navy", "last_name": made.data.last_name},
            "email": "grace@navy.example",
        },
    )
    assert (upserted.data.id, upserted.data.email) == (cid, "grace@navy.example")
    gone = await service.call("zendesk_sell.deleteContact", {"id": cid})
    assert gone.data == Deleted(id=cid)
    with pytest.raises(NotFoundError) as err:
        await service.call("zendesk_sell.getContact", {"id": cid})
    assert (err.value.status, err.value.code) == (404, "not_found")
    assert err.value.request_id


async def test_deals_and_associated_contacts(service: Service) -> None:
    deal = await service.call(
        "zendesk_sell.createDeal",
        {
            "name": unique("Pilot"),
            "contact_id": 4,
            "value": "2500",
            "estimated_close_date": "2027-01-15",
            "added_at": "2026-10-01T08:00:00+02:00",
        },
    )
    assert isinstance(deal.data, Deal)
    assert (deal.data.value, deal.data.estimated_close_date) == ("2500.00", "2027-01-15")
    assert deal.data.model_extra
    assert deal.data.model_extra["added_at"] == "2026-10-01T06:00:00Z"
    did = deal.data.id
    full = await service.call(
        "zendesk_sell.getDeal", {"id": did, "includes": "associated_contacts"}
    )
    assert full.data.associated_contacts == []
    changed = await service.call("zendesk_sell.updateDeal", {"id": did, "hot": True})
    assert changed.data.hot is True
    hot = await service.call("zendesk_sell.listDeals", {"ids": [did], "hot": True})
    assert [d.id for d in hot.data] == [did]
    linked = await service.call("zendesk_sell.listAssociatedContacts", {"deal_id": 1})
    assert linked.data
    assert all(a.role == "involved" for a in linked.data)
    assert (await service.call("zendesk_sell.deleteDeal", {"id": did})).data.deleted


async def test_leads(service: Service) -> None:
    lead = await service.call(
        "zendesk_sell.createLead", {"organization_name": unique("Acme"), "status": "New"}
    )
    lid = lead.data.id
    assert (await service.call("zendesk_sell.getLead", {"id": lid})).data.status == "New"
    changed = await service.call("zendesk_sell.updateLead", {"id": lid, "status": "Working"})
    assert changed.data.status == "Working"
    listed = await service.call(
        "zendesk_sell.listLeads", {"organization_name": lead.data.organization_name}
    )
    assert [x.id for x in listed.data] == [lid]
    email = unique("lead") + "@example.com"
    upserted = await service.call(
        "zendesk_sell.upsertLead", {"filters": {"email": email}, "last_name": "New", "email": email}
    )
    assert upserted.data.id != lid
    assert (await service.call("zendesk_sell.deleteLead", {"id": lid})).data.deleted


async def test_notes_and_tasks(service: Service) -> None:
    note = await service.call(
        "zendesk_sell.createNote",
        {"content": unique("Spoke"), "resource_type": "deal", "resource_id": 1},
    )
    nid = note.data.id
    assert (await service.call("zendesk_sell.getNote", {"id": nid})).data.resource_id == 1
    await service.call("zendesk_sell.updateNote", {"id": nid, "is_important": True})
    found = await service.call("zendesk_sell.listNotes", {"q": note.data.content})
    assert [(n.id, n.is_important) for n in found.data] == [(nid, True)]
    assert (await service.call("zendesk_sell.deleteNote", {"id": nid})).data.deleted
    task = await service.call(
        "zendesk_sell.createTask", {"content": unique("Call"), "due_date": "2020-01-01T09:00:00"}
    )
    tid = task.data.id
    assert task.data.overdue is True
    assert task.data.due_date == "2020-01-01T09:00:00Z"
    done = await service.call("zendesk_sell.updateTask", {"id": tid, "completed": True})
    assert done.data.completed_at
    assert (await service.call("zendesk_sell.getTask", {"id": tid})).data.completed
    floating = await service.call(
        "zendesk_sell.listTasks", {"type": "floating", "completed": True, "ids": [tid]}
    )
    assert [t.id for t in floating.data] == [tid]
    assert (await service.call("zendesk_sell.deleteTask", {"id": tid})).data.deleted


async def test_orders_and_line_items(service: Service) -> None:
    deal = await service.call("zendesk_sell.createDeal", {"name": unique("D"), "contact_id": 6})
    order = await service.call("zendesk_sell.createOrder", {"deal_id": deal.data.id})
    oid = order.data.id
    assert order.data.discount == 0
    changed = await service.call("zendesk_sell.updateOrder", {"id": oid, "discount": 15})
    assert changed.data.discount == 15
    assert (await service.call("zendesk_sell.getOrder", {"id": oid})).data.deal_id == deal.data.id
    listed = await service.call(
        "zendesk_sell.listOrder", {"deal_id": deal.data.id, "per_page": 500}
    )
    assert [o.id for o in listed.data] == [oid]
    items = await service.call("zendesk_sell.listLineItems", {"order_id": 1})
    assert items.data
    assert all(i.order_id == 1 and i.price for i in items.data)
    assert (await service.call("zendesk_sell.deleteOrder", {"id": oid})).data.deleted


async def test_configuration_lists(service: Service) -> None:
    pipelines = await service.call("zendesk_sell.listPipelines", {"disabled": False})
    assert {p.name for p in pipelines.data} == {"Sales Pipeline", "Partnerships"}
    stages = await service.call(
        "zendesk_sell.listStages", {"pipeline_id": 1, "sort_by": "position:asc"}
    )
    assert [s.name for s in stages.data][:2] == ["Incoming", "Qualified"]
    products = await service.call("zendesk_sell.listProducts", {"active": True, "per_page": 100})
    assert products.data
    assert all(p.active and p.prices for p in products.data)
    users = await service.call("zendesk_sell.listUsers", {"status": "active"})
    assert users.data
    assert all(u.status == "active" for u in users.data)
    fields = await service.call("zendesk_sell.listCustomFields", {"resource_type": "contact"})
    assert {"external_id", "Tier"} <= {f.name for f in fields.data}
    assert fields.next is None
    account = await service.call("zendesk_sell.listAccountDetails")
    assert (account.data.id, account.data.currency) == (1, "USD")


async def test_pickers(service: Service) -> None:
    account = await service.call("zendesk_sell.selectAccount")
    assert account.data == [PickerOption(label=account.data[0].label, value="1")]
    pipelines = await service.call("zendesk_sell.selectPipelines")
    assert [p.label for p in pipelines.data] == [
        "Sales Pipeline",
        "Partnerships",
        "Legacy (2019) (disabled)",
    ]
    stages = await service.call("zendesk_sell.selectStages", {"pipeline_id": 2})
    assert stages.data[0] == PickerOption(label="Partnerships: Prospect", value="8")
    products = await service.call("zendesk_sell.selectProducts")
    assert all(isinstance(p, PickerOption) and p.value.isdigit() for p in products.data)
    assert len(products.data) >= 20


async def test_streams(service: Service) -> None:
    tail = await service.call("zendesk_sell.getDealsStream", {"position": "tail", "limit": 3})
    assert isinstance(tail.data, StreamPage)
    assert len(tail.data.items) == 3
    assert tail.data.top is False
    more = await service.call("zendesk_sell.getDealsStream", {"position": tail.data.position})
    assert more.data.items[0].meta.event_id != tail.data.items[-1].meta.event_id
    for endpoint in (
        "zendesk_sell.getContactsStream",
        "zendesk_sell.getCustomFieldsStream",
        "zendesk_sell.getLeadsStream",
        "zendesk_sell.getNotesStream",
        "zendesk_sell.getOrdersStream",
        "zendesk_sell.getProductsStream",
        "zendesk_sell.getStagesStream",
        "zendesk_sell.getTasksStream",
    ):
        top = await service.call(endpoint, {"position": "top"})
        assert top.data.top is True
        assert top.data.items == []
    users = await service.call("zendesk_sell.getStream", {"resource": "users", "limit": 100})
    assert users.data.items
    assert users.data.items[0].meta.type == "user"
    with pytest.raises(GoneError):
        await service.call("zendesk_sell.getStream", {"resource": "tags", "position": "nope"})


async def test_draining_a_stream_with_iterate(service: Service) -> None:
    stream = service.iterate("zendesk_sell.getStream", {"resource": "pipelines", "limit": 1})
    pages = [p async for p in stream]
    assert len(pages) == 3
    assert pages[-1].meta["top"] is True
    assert [len(p.items) for p in pages] == [1, 1, 1]


async def test_raw_request(service: Service) -> None:
    result = await service.call(
        "zendesk_sell.rawRequest", {"url": "/tasks", "params": {"per_page": 2}}
    )
    assert result.data.status == 200
    assert len(result.data.body["items"]) == 2
    created = await service.call(
        "zendesk_sell.rawRequest",
        {
            "method": "POST",
            "url": "/v2/tags",
            "data": {"data": {"name": unique("raw"), "resource_type": "deal"}},
        },
    )
    assert created.data.body["meta"]["type"] == "tag"


async def test_all_pages_of_a_list(service: Service) -> None:
    marker = unique("batch")
    for n in range(7):
        await service.call(
            "zendesk_sell.createContact",
            {"last_name": f"P{n}", "custom_fields": {"known_via": marker}},
        )
    query = {"custom_fields": {"known_via": marker}, "per_page": 2, "sort_by": "last_name"}
    first = await service.call("zendesk_sell.listContacts", query)
    assert (len(first.data), first.next, first.total) == (2, 2, None)
    everything = await service.call("zendesk_sell.listContacts", query, all_pages=True)
    assert [c.last_name for c in everything.data] == [f"P{n}" for n in range(7)]
    assert everything.pages == 4


async def test_input_errors_are_refused_before_sending(service: Service, adm: Admin) -> None:
    with pytest.raises(InputError) as err:
        await service.call("zendesk_sell.createContact", {"first_name": "Only"})
    assert "last_name" in str(err.value.problems[0])
    with pytest.raises(InputError) as err:
        await service.call("zendesk_sell.listContacts", {"per_page": 101, "colour": "red"})
    assert set(err.value.fields) == {"per_page", "colour"}
    with pytest.raises(InputError):
        await service.call("zendesk_sell.upsertContact", {"filters": {}, "last_name": "X"})
    with pytest.raises(InputError):
        await service.call("zendesk_sell.createTask", {"content": "x", "resource_type": "deal"})
    assert adm.requests() == []


async def test_vendor_422_carries_field_and_code(service: Service) -> None:
    with pytest.raises(UnprocessableError) as err:
        await service.call(
            "zendesk_sell.createNote",
            {"content": "x", "resource_type": "lead", "resource_id": 99_999_999},
        )
    assert (err.value.status, err.value.code, err.value.field) == (
        422,
        "incorrect_value",
        "/data/resource_id",
    )
    assert "no lead" in err.value.message


async def test_rate_limit_surfaces_after_retries(service: Service, adm: Admin) -> None:
    adm.faults(burst_429=10)
    adm.settings(rate_limit_body="empty")
    with pytest.raises(RateLimitError) as err:
        await service.call("zendesk_sell.listUsers")
    assert (err.value.status, err.value.code) == (429, "rate_limit_exceeded")
    assert len(adm.requests()) == FAST.max_attempts


async def test_wrong_token_is_401(sandbox: EmbeddedSandbox, zs: dict[str, Any]) -> None:
    # Without refresh credentials a wrong token cannot be renewed: the 401 surfaces.
    config = {"zendesk_sell": {"base_url": zs["base_url"], "access_token": "f" * 64}}
    async with Service(sandbox_profile(config), settings=FAST) as svc:
        with pytest.raises(AuthenticationError) as err:
            await svc.call("zendesk_sell.listAccountDetails")
    assert err.value.code == "unauthorized"


async def test_read_only_profile_refuses_changes(zs: dict[str, Any]) -> None:
    profile = sandbox_profile({"zendesk_sell": zs}, read_only=True)
    async with Service(profile, settings=FAST) as svc:
        with pytest.raises(ReadOnlyError):
            await svc.call("zendesk_sell.deleteContact", {"id": 1})
        assert (await svc.call("zendesk_sell.getContact", {"id": 1})).data.id == 1


def test_every_endpoint_is_called_in_a_service_test() -> None:
    text = "".join(p.read_text() for p in Path(__file__).parent.glob("test_service*.py"))
    missing = [e.id for e in catalog.all_endpoints("zendesk_sell") if f'"{e.id}"' not in text]
    assert missing == []
