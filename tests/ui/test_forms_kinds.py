"""The arithmetic under the forms: annotation -> editor, text -> value, problem -> field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

import pytest
from pydantic import AwareDatetime, BaseModel

from console import catalog
from screens.form_plan import (
    check,
    fields_named,
    mentioned_field,
    param_problems,
    params_initial,
    plan_fields,
)
from widgets.action_params import join_sf_fields, split_sf_fields
from widgets.form_kinds import UNSET, FieldKind, Kind, as_bool, classify, from_text, to_text


class Color(StrEnum):
    RED = "red"
    BLUE = "blue"


class Nested(BaseModel):
    a: int


@pytest.mark.parametrize(
    ("annotation", "kind", "optional"),
    [
        (str, Kind.TEXT, False),
        (int | None, Kind.INTEGER, True),
        (Decimal, Kind.NUMBER, False),
        (bool | None, Kind.BOOL, True),
        (Color, Kind.CHOICE, False),
        (Literal["a", "b"] | None, Kind.CHOICE, True),
        (date, Kind.DATE, False),
        (AwareDatetime | None, Kind.DATETIME, True),
        (list[str] | None, Kind.LIST, True),
        (dict[str, str], Kind.MAPPING, False),
        (Nested | None, Kind.JSON, True),
        (list[Nested], Kind.JSON, False),
        (Any, Kind.JSON, False),
    ],
)
def test_an_annotation_chooses_its_editor(annotation: Any, kind: Kind, optional: bool) -> None:
    found = classify(annotation)
    assert (found.kind, found.optional) == (kind, optional)


def test_enum_and_literal_choices_are_the_values_the_vendor_takes() -> None:
    assert classify(Color).choices == ("red", "blue")
    assert classify(Literal["Add", "Remove"]).choices == ("Add", "Remove")


def test_typed_text_becomes_values() -> None:
    when = FieldKind(Kind.DATETIME)
    assert from_text(when, "2026-11-23 14:00") == "2026-11-23T14:00:00Z"
    assert from_text(when, "2026-11-23T14:00:00+01:00") == "2026-11-23T14:00:00+01:00"
    with pytest.raises(ValueError, match="date and time"):
        from_text(when, "next tuesday")
    assert from_text(FieldKind(Kind.DATE), "2026-11-23") == "2026-11-23"
    assert from_text(FieldKind(Kind.LIST), " vip, , gold ") == ["vip", "gold"]
    assert from_text(FieldKind(Kind.LIST, item=Kind.INTEGER), "1, 2") == [1, 2]
    assert from_text(FieldKind(Kind.INTEGER), "  ") is UNSET
    mapping = FieldKind(Kind.MAPPING)
    assert from_text(mapping, "a=1\n# note\n\nb = two") == {"a": "1", "b": "two"}
    assert from_text(mapping, '{"a": 1}') == {"a": 1}
    with pytest.raises(ValueError, match="line 1"):
        from_text(mapping, "no equals sign")
    with pytest.raises(ValueError, match="not valid JSON"):
        from_text(FieldKind(Kind.JSON), "[1,")


def test_prefilled_values_show_as_text() -> None:
    assert to_text(FieldKind(Kind.LIST), ["a", "b"]) == "a, b"
    assert to_text(FieldKind(Kind.MAPPING), {"Tier": "Gold"}) == "Tier=Gold"
    assert to_text(FieldKind(Kind.MAPPING), {"n": {"x": 1}}).startswith("{")
    assert to_text(FieldKind(Kind.JSON), {"city": "Oslo"}) == '{\n  "city": "Oslo"\n}'
    assert [as_bool(v) for v in (1, "0", "true", None, "maybe")] == [True, False, True, None, None]


def test_a_model_wide_rule_lands_on_the_field_it_names() -> None:
    ep = catalog.get("zendesk_sell.createContact")
    names = [f.name for f in ep.fields()]
    outcome = check(ep, {}, {}, shown=names)
    assert list(outcome.problems) == ["last_name"]
    assert not outcome.general
    assert mentioned_field("give targetId or actionCadenceTrackerId", ["x", "targetId"]) == (
        "targetId"
    )
    assert mentioned_field("nothing here", names) is None


def test_collect_mode_ignores_problems_of_per_record_fields() -> None:
    ep = catalog.get("zendesk_sell.updateDeal")
    outcome = check(ep, {"stage_id": 3}, {}, shown=["stage_id"], ignore={"id"})
    assert outcome.ok


def test_vendor_error_fields_point_at_form_fields() -> None:
    names = ["last_name", "targetId", "resumeTime", "actionParams"]
    assert fields_named("/data/last_name", names) == ["last_name"]
    assert fields_named("TargetId, resumeTime", names) == ["targetId", "resumeTime"]
    assert fields_named("actionParams[0].sfFields", names) == ["actionParams"]
    assert fields_named(None, names) == []
    assert param_problems("[1].dropdown.options: too short") == {1: "options: too short"}


def test_the_plan_follows_the_model_and_the_record() -> None:
    ep = catalog.get("zendesk_sell.updateDeal")
    specs = {s.name: s for s in plan_fields(ep, {"id": 7, "stage_id": 2})}
    assert specs["id"].editor == "fixed"
    assert specs["id"].initial == 7
    assert specs["stage_id"].editor == "picker"
    assert specs["stage_id"].initial == 2
    assert specs["hot"].editor == "check"
    assert specs["custom_fields"].editor == "text"
    only = plan_fields(ep, {}, hidden={"id"}, only=("id", "stage_id"))
    assert [s.name for s in only] == ["stage_id"]
    raw = {s.name: s for s in plan_fields(catalog.get("salesforce.rawRequest"), {})}
    assert raw["method"].editor == "select"
    assert raw["method"].initial == "GET"
    assert raw["params"].editor == "text"
    assert raw["url"].required


def test_action_params_rows_from_a_vendor_answer_and_back() -> None:
    answer = [{"sfFields": {"Lead": "X"}, "type": None, "value": "v", "label": None, "options": []}]
    assert params_initial(answer) == [{"sfFields": {"Lead": "X"}, "value": "v"}]
    assert params_initial({"Call_Source__c": "Infinity"}) is UNSET  # the older flat form
    assert split_sf_fields("Lead, Contact", "Origin__c") == {
        "Lead": "Origin__c",
        "Contact": "Origin__c",
    }
    assert split_sf_fields("Lead, Contact", "A, B") == {"Lead": "A", "Contact": "B"}
    assert join_sf_fields({"Lead": "A", "Contact": "B"}) == ("Lead, Contact", "A, B")
    with pytest.raises(ValueError, match="one field for every object"):
        split_sf_fields("Lead, Contact, Account", "A, B")
