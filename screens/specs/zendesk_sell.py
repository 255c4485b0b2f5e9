"""Zendesk Sell lists: contacts, deals, leads, tasks, notes, orders; and the Firehose pane."""

from __future__ import annotations

from typing import Any

from screens.specs.base import (
    Action,
    Col,
    Filter,
    ListSpec,
    PaneSpec,
    Record,
    Related,
    VendorSpec,
    editable,
)

PAGE = {"per_page": 100}
STATUS = ("none", "current", "past")


def _person(r: Record) -> str:
    if r.get("is_organization") or (r.get("organization_name") and not r.get("last_name")):
        return str(r.get("name") or r.get("organization_name") or "")
    return " ".join(str(x) for x in (r.get("first_name"), r.get("last_name")) if x) or str(
        r.get("name") or r.get("id") or ""
    )


def _about(resource: str) -> Any:
    return lambda r: {"resource_type": resource, "resource_id": r["id"]}


def _notes(resource: str) -> Related:
    return Related(
        "Notes",
        "zendesk_sell.listNotes",
        lambda r: {**_about(resource)(r), "per_page": 20, "sort_by": "created_at:desc"},
        (Col("created_at", "Created", max_width=20), Col("content", "Note", max_width=60)),
    )


def _tasks(resource: str) -> Related:
    return Related(
        "Tasks",
        "zendesk_sell.listTasks",
        lambda r: {**_about(resource)(r), "per_page": 20},
        (
            Col("due_date", "Due", max_width=20),
            Col("completed", "Done", width=5),
            Col("content", "Task", max_width=50),
        ),
    )


def _add_note(resource: str) -> Action:
    return Action(
        "note",
        "Add note",
        "a",
        "zendesk_sell.createNote",
        _about(resource),
        refresh="none",
        fields=("content", "is_important", "type", "tags", "resource_type", "resource_id"),
    )


def _add_task(resource: str) -> Action:
    return Action(
        "task", "Add task", "t", "zendesk_sell.createTask", _about(resource), refresh="none"
    )


CONTACTS = ListSpec(
    id="zendesk_sell.contacts",
    vendor="zendesk_sell",
    title="Contacts",
    endpoint="zendesk_sell.listContacts",
    inputs={**PAGE, "sort_by": "last_name"},
    columns=(
        Col("name", "Name", get=_person, max_width=28),
        Col("email", "Email", max_width=32),
        Col("phone", "Phone", max_width=16),
        Col("kind", "Kind", get=lambda r: "org" if r.get("is_organization") else "person", width=6),
        Col("customer_status", "Customer", max_width=8),
        Col("address.city", "City", max_width=18),
        Col("owner_id", "Owner", max_width=8),
    ),
    filters=(
        Filter("email", "Email (exact)", "ada@example.com"),
        Filter("name", "Name (exact)"),
        Filter("last_name", "Last name (exact)"),
        Filter("customer_status", "Customer status", choices=STATUS),
        Filter("owner_id", "Owner id"),
        Filter("address[city]", "City"),
    ),
    get_endpoint="zendesk_sell.getContact",
    related=(
        Related(
            "Deals",
            "zendesk_sell.listDeals",
            lambda r: {"contact_id": r["id"], "per_page": 20},
            (
                Col("name", "Deal", max_width=30),
                Col("value", "Value", align="right"),
                Col("stage_id", "Stage"),
            ),
        ),
        _notes("contact"),
        _tasks("contact"),
    ),
    actions=(
        Action("new", "New contact", "n", "zendesk_sell.createContact", needs_record=False),
        Action(
            "edit",
            "Edit",
            "e",
            "zendesk_sell.updateContact",
            editable("zendesk_sell.updateContact"),
        ),
        _add_note("contact"),
        _add_task("contact"),
        Action(
            "deal",
            "Create deal",
            "c",
            "zendesk_sell.createDeal",
            lambda r: {"contact_id": r["id"]},
            refresh="none",
        ),
        Action(
            "delete",
            "Delete",
            "d",
            "zendesk_sell.deleteContact",
            lambda r: {"id": r["id"]},
            form=False,
            bulk=True,
            refresh="remove",
        ),
    ),
    heading=_person,
)

DEALS = ListSpec(
    id="zendesk_sell.deals",
    vendor="zendesk_sell",
    title="Deals",
    endpoint="zendesk_sell.listDeals",
    inputs=PAGE,
    columns=(
        Col("name", "Deal", max_width=30),
        Col("value", "Value", align="right", max_width=12),
        Col("currency", "Cur", width=4),
        Col("stage_id", "Stage", max_width=8),
        Col("hot", "Hot", width=4),
        Col("contact_id", "Contact", max_width=8),
        Col("estimated_close_date", "Close", max_width=10),
        Col("owner_id", "Owner", max_width=8),
    ),
    filters=(
        Filter("stage_id", "Stage id"),
        Filter("contact_id", "Primary contact id"),
        Filter("owner_id", "Owner id"),
        Filter("hot", "Hot", choices=("true", "false")),
        Filter("name", "Name (exact)"),
    ),
    get_endpoint="zendesk_sell.getDeal",
    related=(
        Related(
            "Orders",
            "zendesk_sell.listOrder",
            lambda r: {"deal_id": r["id"]},
            (Col("id", "Order"), Col("discount", "Discount %"), Col("created_at", "Created")),
        ),
        Related(
            "Associated contacts",
            "zendesk_sell.listAssociatedContacts",
            lambda r: {"deal_id": r["id"]},
            (Col("contact_id", "Contact"), Col("role", "Role")),
            key="contact_id",
        ),
        _notes("deal"),
    ),
    actions=(
        Action("new", "New deal", "n", "zendesk_sell.createDeal", needs_record=False),
        Action("edit", "Edit", "e", "zendesk_sell.updateDeal", editable("zendesk_sell.updateDeal")),
        Action(
            "stage",
            "Move stage",
            "v",
            "zendesk_sell.updateDeal",
            lambda r: {"id": r["id"], "stage_id": r.get("stage_id")},
            fields=("id", "stage_id"),
            bulk=True,
        ),
        _add_note("deal"),
        _add_task("deal"),
        Action(
            "order",
            "Create order",
            "o",
            "zendesk_sell.createOrder",
            lambda r: {"deal_id": r["id"]},
            refresh="none",
        ),
        Action(
            "delete",
            "Delete",
            "d",
            "zendesk_sell.deleteDeal",
            lambda r: {"id": r["id"]},
            form=False,
            bulk=True,
            refresh="remove",
        ),
    ),
)

LEADS = ListSpec(
    id="zendesk_sell.leads",
    vendor="zendesk_sell",
    title="Leads",
    endpoint="zendesk_sell.listLeads",
    inputs=PAGE,
    columns=(
        Col("name", "Name", get=_person, max_width=26),
        Col("organization_name", "Organization", max_width=24),
        Col("email", "Email", max_width=30),
        Col("status", "Status", max_width=12),
        Col("owner_id", "Owner", max_width=8),
    ),
    filters=(
        Filter("email", "Email (exact)"),
        Filter("last_name", "Last name (exact)"),
        Filter("organization_name", "Organization (exact)"),
        Filter("status", "Status"),
        Filter("owner_id", "Owner id"),
    ),
    get_endpoint="zendesk_sell.getLead",
    related=(_notes("lead"), _tasks("lead")),
    actions=(
        Action("new", "New lead", "n", "zendesk_sell.createLead", needs_record=False),
        Action("edit", "Edit", "e", "zendesk_sell.updateLead", editable("zendesk_sell.updateLead")),
        _add_note("lead"),
        _add_task("lead"),
        Action(
            "delete",
            "Delete",
            "d",
            "zendesk_sell.deleteLead",
            lambda r: {"id": r["id"]},
            form=False,
            bulk=True,
            refresh="remove",
        ),
    ),
    heading=_person,
)

TASKS = ListSpec(
    id="zendesk_sell.tasks",
    vendor="zendesk_sell",
    title="Tasks",
    endpoint="zendesk_sell.listTasks",
    inputs=PAGE,
    columns=(
        Col("content", "Task", max_width=40),
        Col("due_date", "Due", max_width=20),
        Col("overdue", "Overdue", width=7),
        Col("completed", "Done", width=5),
        Col("resource_type", "On", max_width=8),
        Col("resource_id", "Id", max_width=8),
        Col("owner_id", "Owner", max_width=8),
    ),
    filters=(
        Filter("completed", "Completed", choices=("true", "false")),
        Filter("overdue", "Overdue", choices=("true", "false")),
        Filter("type", "Type", choices=("floating", "related")),
        Filter("owner_id", "Owner id"),
        Filter("q", "Text contains"),
    ),
    get_endpoint="zendesk_sell.getTask",
    actions=(
        Action("new", "New task", "n", "zendesk_sell.createTask", needs_record=False),
        Action("edit", "Edit", "e", "zendesk_sell.updateTask", editable("zendesk_sell.updateTask")),
        Action(
            "complete",
            "Complete",
            "c",
            "zendesk_sell.updateTask",
            lambda r: {"id": r["id"], "completed": True},
            form=False,
            bulk=True,
        ),
        Action(
            "delete",
            "Delete",
            "d",
            "zendesk_sell.deleteTask",
            lambda r: {"id": r["id"]},
            form=False,
            bulk=True,
            refresh="remove",
        ),
    ),
    heading=lambda r: str(r.get("content") or r.get("id")),
)

NOTES = ListSpec(
    id="zendesk_sell.notes",
    vendor="zendesk_sell",
    title="Notes",
    endpoint="zendesk_sell.listNotes",
    inputs={**PAGE, "sort_by": "created_at:desc"},
    columns=(
        Col("content", "Note", max_width=50),
        Col("resource_type", "On", max_width=8),
        Col("resource_id", "Id", max_width=8),
        Col("is_important", "!", width=3),
        Col("created_at", "Created", max_width=20),
    ),
    filters=(
        Filter("q", "Text contains"),
        Filter("resource_type", "On", choices=("lead", "contact", "deal")),
        Filter("resource_id", "Record id"),
        Filter("creator_id", "Creator id"),
    ),
    get_endpoint="zendesk_sell.getNote",
    actions=(
        Action("new", "New note", "n", "zendesk_sell.createNote", needs_record=False),
        Action("edit", "Edit", "e", "zendesk_sell.updateNote", editable("zendesk_sell.updateNote")),
        Action(
            "delete",
            "Delete",
            "d",
            "zendesk_sell.deleteNote",
            lambda r: {"id": r["id"]},
            form=False,
            bulk=True,
            refresh="remove",
        ),
    ),
    heading=lambda r: str(r.get("content") or r.get("id"))[:60],
)

ORDERS = ListSpec(
    id="zendesk_sell.orders",
    vendor="zendesk_sell",
    title="Orders",
    endpoint="zendesk_sell.listOrder",
    inputs=PAGE,
    columns=(
        Col("id", "Order", max_width=8),
        Col("deal_id", "Deal", max_width=8),
        Col("discount", "Discount %", align="right", max_width=10),
        Col("created_at", "Created", max_width=20),
        Col("updated_at", "Updated", max_width=20),
    ),
    filters=(Filter("deal_id", "Deal id"),),
    get_endpoint="zendesk_sell.getOrder",
    related=(
        Related(
            "Line items",
            "zendesk_sell.listLineItems",
            lambda r: {"order_id": r["id"]},
            (
                Col("product_id", "Product"),
                Col("quantity", "Qty", align="right"),
                Col("value", "Value", align="right"),
                Col("currency", "Cur"),
            ),
        ),
    ),
    actions=(
        Action("new", "New order", "n", "zendesk_sell.createOrder", needs_record=False),
        Action(
            "edit", "Edit", "e", "zendesk_sell.updateOrder", editable("zendesk_sell.updateOrder")
        ),
        Action(
            "delete",
            "Delete",
            "d",
            "zendesk_sell.deleteOrder",
            lambda r: {"id": r["id"]},
            form=False,
            bulk=True,
            refresh="remove",
        ),
    ),
    heading=lambda r: f"Order {r.get('id')} (deal {r.get('deal_id')})",
)


def _firehose_pane() -> Any:
    from screens.firehose_tail import FirehoseTail

    return FirehoseTail(start="top")


VENDOR = VendorSpec(
    "zendesk_sell",
    "Zendesk Sell",
    (CONTACTS, DEALS, LEADS, TASKS, NOTES, ORDERS),
    panes=(PaneSpec("zendesk_sell.firehose", "Firehose", _firehose_pane),),
)
