"""The catalog holds every endpoint the product promises, each declared once and tested."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from console.catalog import all_endpoints, get
from console.catalog.endpoint import Kind

TESTS = Path(__file__).resolve().parents[1]

REQUIRED = {
    "salesforce": """assignTargetToSalesCadence removeTargetFromSalesCadence
        pauseSalesCadenceTracker resumeSalesCadenceTracker changeSalesCadenceTargetAssignee
        modifyCadenceTrackerAttributes
        sendSalesCadenceEvent selectTemplateForSalesCadenceStepTracker updateRecipientGroup
        splitQuoteLineItem query listActions describeAction rawRequest""",
    "zendesk_sell": """createContact createDeal createLead createNote createOrder createTask
        deleteContact deleteDeal deleteLead deleteNote deleteOrder deleteTask getContact
        getContactsStream getCustomFieldsStream getDeal getDealsStream getLead getLeadsStream
        getNote getNotesStream getOrder getOrdersStream getProductsStream getStagesStream
        getStream getTask getTasksStream listAccountDetails listContacts listCustomFields
        listDeals listLeads listNotes listOrder listPipelines listStages listTasks rawRequest
        updateContact updateDeal updateLead updateNote updateOrder updateTask upsertContact
        upsertLead selectAccount selectPipelines selectProducts selectStages listProducts
        listUsers""",
    "infinity": """listSfButtons getSfButton createSfButton updateSfButton deleteSfButton
        listCallRatings rawRequest""",
    "totango": "runManualSuccessPlay searchAccounts rawRequest",
}


def test_every_promised_endpoint_exists() -> None:
    ids = {ep.id for ep in all_endpoints()}
    missing = [
        f"{v}.{a}" for v, names in REQUIRED.items() for a in names.split() if f"{v}.{a}" not in ids
    ]
    assert missing == []


def test_ids_follow_vendor_dot_action_and_are_unique() -> None:
    ids = [ep.id for ep in all_endpoints()]
    assert len(ids) == len(set(ids))
    assert all(
        re.fullmatch(r"(salesforce|zendesk_sell|infinity|totango)\.[a-z][A-Za-z]+", i) for i in ids
    )


def test_data_sources_return_picker_options() -> None:
    for name in ("selectAccount", "selectPipelines", "selectProducts", "selectStages"):
        assert get(f"zendesk_sell.{name}").kind is Kind.OPTIONS


@pytest.mark.parametrize("ep", all_endpoints(), ids=lambda e: e.id)
def test_every_input_field_is_described(ep) -> None:  # type: ignore[no-untyped-def]
    undocumented = [f.name for f in ep.fields() if len(f.description) < 3]
    assert undocumented == []


@pytest.mark.parametrize("ep", all_endpoints(), ids=lambda e: e.id)
def test_outputs_accept_unknown_fields(ep) -> None:  # type: ignore[no-untyped-def]
    model = ep.output_model
    if model is None or not issubclass(model, BaseModel):
        return
    assert model.model_config.get("extra") == "allow", model


def test_flags_are_coherent() -> None:
    for ep in all_endpoints():
        if ep.destructive:
            assert ep.mutating, ep.id
        if ep.batchable:
            assert ep.kind is Kind.ACTION, ep.id
        if ep.method == "GET":
            assert not ep.mutating or ep.kind is Kind.RAW, ep.id


def test_every_endpoint_is_called_through_the_service_in_a_test() -> None:
    """Each id appears literally in a service test (or its action name in its vendor's)."""
    every = "\n".join(p.read_text() for p in TESTS.rglob("test_service*.py"))
    untested = []
    for ep in all_endpoints():
        own = "\n".join(p.read_text() for p in (TESTS / ep.vendor).glob("test_service*.py"))
        if f'"{ep.id}"' not in every and f'"{ep.action}"' not in own:
            untested.append(ep.id)
    assert untested == []
