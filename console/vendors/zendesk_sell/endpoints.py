"""Zendesk Sell endpoints, declared once (actions named as the seed names them)."""

from __future__ import annotations

from pydantic import BaseModel

from console.catalog.endpoint import Endpoint, Kind, raw_request
from console.models import Deleted, NoInput, PickerOption
from console.vendors.zendesk_sell import inputs as i
from console.vendors.zendesk_sell import queries as q
from console.vendors.zendesk_sell.models import (
    Account,
    AssociatedContact,
    Contact,
    CustomField,
    Deal,
    Lead,
    LineItem,
    Note,
    Order,
    Pipeline,
    Product,
    Stage,
    StreamPage,
    Task,
    User,
)

V = "zendesk_sell."
Model = type[BaseModel]


def create(action: str, title: str, path: str, inp: Model, out: Model, what: str) -> Endpoint:
    return Endpoint(V + action, title, "POST", path, inp, out, description=what, mutating=True)


def get(action: str, title: str, path: str, inp: Model, out: Model, what: str) -> Endpoint:
    return Endpoint(V + action, title, "GET", path, inp, out, description=what)


def update(action: str, title: str, path: str, inp: Model, out: Model, what: str) -> Endpoint:
    return Endpoint(V + action, title, "PUT", path, inp, out, description=what, mutating=True)


def delete(action: str, title: str, path: str, inp: Model, what: str) -> Endpoint:
    return Endpoint(
        V + action,
        title,
        "DELETE",
        path,
        inp,
        Deleted,
        kind=Kind.DELETE,
        description=what,
        mutating=True,
        destructive=True,
    )


def listing(
    action: str, title: str, path: str, inp: Model, out: Model, what: str, *, pages: bool = True
) -> Endpoint:
    return Endpoint(
        V + action, title, "GET", path, inp, out, kind=Kind.LIST, description=what, paginated=pages
    )


def stream(action: str, title: str, resource: str | None, what: str) -> Endpoint:
    path = f"/v3/{resource}/stream" if resource else "/v3/{resource}/stream"
    inp = q.StreamInput if resource else q.GetStreamInput
    return Endpoint(
        V + action,
        title,
        "GET",
        path,
        inp,
        StreamPage,
        kind=Kind.STREAM,
        description=what,
        options={"resource": resource},
    )


def picker(action: str, title: str, path: str, inp: Model, what: str) -> Endpoint:
    return Endpoint(
        V + action, title, "GET", path, inp, PickerOption, kind=Kind.OPTIONS, description=what
    )


C, D, L = "/v2/contacts", "/v2/deals", "/v2/leads"
N, T, ORD = "/v2/notes", "/v2/tasks", "/v2/orders"

ENDPOINTS: list[Endpoint] = [
    # -- contacts
    create(
        "createContact",
        "Create Contact",
        C,
        i.CreateContactInput,
        Contact,
        "Create a person or an organization.",
    ),
    get("getContact", "Get Contact", C + "/{id}", i.ContactId, Contact, "Read one contact."),
    update(
        "updateContact",
        "Update Contact",
        C + "/{id}",
        i.UpdateContactInput,
        Contact,
        "Change the given fields of a contact (tags replace the whole set).",
    ),
    delete(
        "deleteContact", "Delete Contact", C + "/{id}", i.ContactId, "Delete a contact for good."
    ),
    listing(
        "listContacts",
        "List Contacts",
        C,
        q.ListContactsInput,
        Contact,
        "Contacts matching the filters, a page at a time.",
    ),
    create(
        "upsertContact",
        "Upsert Contact",
        C + "/upsert",
        i.UpsertContactInput,
        Contact,
        "Update the one contact the filters find, or create it when none matches.",
    ),
    # -- deals
    create("createDeal", "Create Deal", D, i.CreateDealInput, Deal, "Create a deal."),
    get(
        "getDeal",
        "Get Deal",
        D + "/{id}",
        i.GetDealInput,
        Deal,
        "Read one deal, optionally with its associated contacts.",
    ),
    update(
        "updateDeal",
        "Update Deal",
        D + "/{id}",
        i.UpdateDealInput,
        Deal,
        "Change the given fields of a deal.",
    ),
    delete(
        "deleteDeal",
        "Delete Deal",
        D + "/{id}",
        i.DealId,
        "Delete a deal and remove its associated contacts.",
    ),
    listing(
        "listDeals",
        "List Deals",
        D,
        q.ListDealsInput,
        Deal,
        "Deals matching the filters, a page at a time.",
    ),
    listing(
        "listAssociatedContacts",
        "List Associated Contacts",
        D + "/{deal_id}/associated_contacts",
        q.ListAssociatedContactsInput,
        AssociatedContact,
        "The contacts involved in a deal.",
    ),
    # -- leads
    create("createLead", "Create Lead", L, i.CreateLeadInput, Lead, "Create a lead."),
    get("getLead", "Get Lead", L + "/{id}", i.LeadId, Lead, "Read one lead."),
    update(
        "updateLead",
        "Update Lead",
        L + "/{id}",
        i.UpdateLeadInput,
        Lead,
        "Change the given fields of a lead.",
    ),
    delete("deleteLead", "Delete Lead", L + "/{id}", i.LeadId, "Delete a lead."),
    listing(
        "listLeads",
        "List Leads",
        L,
        q.ListLeadsInput,
        Lead,
        "Leads matching the filters, a page at a time.",
    ),
    create(
        "upsertLead",
        "Upsert Lead",
        L + "/upsert",
        i.UpsertLeadInput,
        Lead,
        "Update the one lead the filters find, or create it when none matches.",
    ),
    # -- notes
    create(
        "createNote",
        "Create Note",
        N,
        i.CreateNoteInput,
        Note,
        "Write a note on a lead, contact or deal.",
    ),
    get("getNote", "Get Note", N + "/{id}", i.NoteId, Note, "Read one note."),
    update(
        "updateNote",
        "Update Note",
        N + "/{id}",
        i.UpdateNoteInput,
        Note,
        "Change the given fields of a note.",
    ),
    delete("deleteNote", "Delete Note", N + "/{id}", i.NoteId, "Delete a note for good."),
    listing(
        "listNotes",
        "List Notes",
        N,
        q.ListNotesInput,
        Note,
        "Notes matching the filters or a text search, a page at a time.",
    ),
    # -- tasks
    create(
        "createTask",
        "Create Task",
        T,
        i.CreateTaskInput,
        Task,
        "Create a floating task, or one on a lead, contact or deal.",
    ),
    get("getTask", "Get Task", T + "/{id}", i.TaskId, Task, "Read one task."),
    update(
        "updateTask",
        "Update Task",
        T + "/{id}",
        i.UpdateTaskInput,
        Task,
        "Change the given fields of a task (completing it stamps completed_at).",
    ),
    delete("deleteTask", "Delete Task", T + "/{id}", i.TaskId, "Delete a task for good."),
    listing(
        "listTasks",
        "List Tasks",
        T,
        q.ListTasksInput,
        Task,
        "Tasks matching the filters (open, overdue, with reminders...), a page at a time.",
    ),
    # -- orders
    create(
        "createOrder", "Create Order", ORD, i.CreateOrderInput, Order, "Create the order of a deal."
    ),
    get("getOrder", "Get Order", ORD + "/{id}", i.OrderId, Order, "Read one order."),
    update(
        "updateOrder",
        "Update Order",
        ORD + "/{id}",
        i.UpdateOrderInput,
        Order,
        "Change an order's discount.",
    ),
    delete(
        "deleteOrder",
        "Delete Order",
        ORD + "/{id}",
        i.OrderId,
        "Delete an order and its line items for good.",
    ),
    listing(
        "listOrder",
        "List Orders",
        ORD,
        q.ListOrderInput,
        Order,
        "Orders, a page at a time (up to 500 per page).",
    ),
    listing(
        "listLineItems",
        "List Line Items",
        ORD + "/{order_id}/line_items",
        q.ListLineItemsInput,
        LineItem,
        "The products on an order.",
    ),
    # -- configuration and people
    listing(
        "listPipelines",
        "List Pipelines",
        "/v2/pipelines",
        q.ListPipelinesInput,
        Pipeline,
        "Sales pipelines.",
    ),
    listing(
        "listStages",
        "List Stages",
        "/v2/stages",
        q.ListStagesInput,
        Stage,
        "Pipeline stages, with their category and likelihood.",
    ),
    listing(
        "listProducts",
        "List Products",
        "/v2/products",
        q.ListProductsInput,
        Product,
        "Products and their prices.",
    ),
    listing(
        "listUsers",
        "List Users",
        "/v2/users",
        q.ListUsersInput,
        User,
        "The account's users (owners of records).",
    ),
    listing(
        "listCustomFields",
        "List Custom Fields",
        "/v2/{resource_type}/custom_fields",
        q.ListCustomFieldsInput,
        CustomField,
        "The custom fields of leads, contacts or deals.",
        pages=False,
    ),
    get(
        "listAccountDetails",
        "List Account Details",
        "/v2/accounts/self",
        NoInput,
        Account,
        "The account: name, currency, time zone.",
    ),
    # -- the Firehose
    stream("getStream", "Get Stream", None, "Read the change events of any resource."),
    stream("getContactsStream", "Get Contacts Stream", "contacts", "Read contact events."),
    stream(
        "getCustomFieldsStream",
        "Get Custom Fields Stream",
        "custom_fields",
        "Read custom field events.",
    ),
    stream("getDealsStream", "Get Deals Stream", "deals", "Read deal events."),
    stream("getLeadsStream", "Get Leads Stream", "leads", "Read lead events."),
    stream("getNotesStream", "Get Notes Stream", "notes", "Read note events."),
    stream("getOrdersStream", "Get Orders Stream", "orders", "Read order events."),
    stream("getProductsStream", "Get Products Stream", "products", "Read product events."),
    stream("getStagesStream", "Get Stages Stream", "stages", "Read stage events."),
    stream("getTasksStream", "Get Tasks Stream", "tasks", "Read task events."),
    # -- pickers
    picker(
        "selectAccount", "Select Account", "/v2/accounts/self", NoInput, "The account, as a choice."
    ),
    picker(
        "selectPipelines", "Select Pipelines", "/v2/pipelines", NoInput, "Pipelines to choose from."
    ),
    picker(
        "selectProducts", "Select Products", "/v2/products", NoInput, "Products to choose from."
    ),
    picker(
        "selectStages",
        "Select Stages",
        "/v2/stages",
        q.SelectStagesInput,
        "Stages to choose from, labelled with their pipeline.",
    ),
    raw_request(
        "zendesk_sell",
        "Send any request to the Zendesk Sell API with the profile's token "
        "(a URL such as /v2/tasks; /tasks means /v2/tasks).",
    ),
]
