"""List filters (`filter[]=field-eq-value`) and sorts (`sort[]=field-asc|desc`) of Infinity.

Filters are ANDed. Field names never contain a hyphen, but values may ("Follow-up call"), so
a filter is read as: the field up to the first hyphen, then the operator, then everything else
as the value. Both the structured form `{"field": "buttonAction", "value": "logCall"}` and the
wire form `"buttonAction-eq-logCall"` are accepted wherever a filter is.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from console.models import InputModel


def split_filter(text: str) -> dict[str, str]:
    """'callRating-eq-Follow-up' -> {field: callRating, op: eq, value: Follow-up}."""
    field, sep, rest = text.partition("-")
    op, sep2, value = rest.partition("-")
    if not sep or not sep2:
        raise ValueError("write a filter as field-eq-value, e.g. buttonAction-eq-logCall")
    return {"field": field, "op": op, "value": value}


def split_sort(text: str) -> dict[str, str]:
    """'callRating-desc' -> {field: callRating, direction: desc}; a bare field sorts ascending."""
    field, sep, direction = text.rpartition("-")
    if not sep:
        return {"field": text, "direction": "asc"}
    return {"field": field, "direction": direction.lower()}


class _Filter(InputModel):
    field: str
    op: Literal["eq"] = Field("eq", description="How to compare; Infinity documents eq only.")
    value: str = Field(description="The value the field must equal.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return split_filter(data) if isinstance(data, str) else data

    def wire(self) -> str:
        return f"{self.field}-{self.op}-{self.value}"


class _Sort(InputModel):
    field: str
    direction: Literal["asc", "desc"] = Field("asc", description="asc or desc.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return split_sort(data) if isinstance(data, str) else data

    def wire(self) -> str:
        return f"{self.field}-{self.direction}"


ButtonField = Literal["sfButtonId", "buttonAction", "buttonLabel", "callRating", "isDefaultButton"]
RatingField = Literal["callRatingItemId", "itemText", "callRating", "isUsed"]
IgrpField = Literal["igrp", "name", "sfOrgRef"]


class SfButtonFilter(_Filter):
    """Keep buttons whose field equals the value, e.g. buttonAction-eq-createLead."""

    field: ButtonField = Field(
        description="sfButtonId, buttonAction, buttonLabel, callRating or isDefaultButton."
    )


class SfButtonSort(_Sort):
    """Order buttons by a field, e.g. callRating-desc."""

    field: ButtonField = Field(
        description="sfButtonId, buttonAction, buttonLabel, callRating or isDefaultButton."
    )


class CallRatingFilter(_Filter):
    """Keep call ratings whose field equals the value, e.g. isUsed-eq-0."""

    field: RatingField = Field(
        description="callRatingItemId, itemText (the rating's text; callRating means the "
        "same) or isUsed (1 when a button uses the rating)."
    )

    def wire(self) -> str:
        field = "itemText" if self.field == "callRating" else self.field
        return f"{field}-{self.op}-{self.value}"


class CallRatingSort(_Sort):
    """Order call ratings by a field, e.g. itemText-asc."""

    field: RatingField = Field(
        description="callRatingItemId, itemText (callRating means the same) or isUsed."
    )

    def wire(self) -> str:
        field = "itemText" if self.field == "callRating" else self.field
        return f"{field}-{self.direction}"


class IgrpFilter(_Filter):
    """Keep installations whose field equals the value."""

    field: IgrpField = Field(description="igrp, name or sfOrgRef.")


class IgrpSort(_Sort):
    """Order installations by a field."""

    field: IgrpField = Field(description="igrp, name or sfOrgRef.")
