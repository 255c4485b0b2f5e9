"""Infinity (Config API v2, Caller Insight for Salesforce) inputs and outputs.

Infinity answers ids and flags as strings (`"sfButtonId": "4"`, `"isUsed": "1"`); outputs
take strings or numbers and keep ids as strings, flags as ints.

Every endpoint but `listIgrps` lives under one installation (IGRP). `igrp` may be left out:
the client then uses the profile's `igrp`, and refuses the call (naming `igrp`) when the
profile has none either.

**Assumption.** `listIgrps` (`GET /config/v2/igrps`, records `{igrp, name, sfOrgRef}`) is not in
the Caller Insight document: the console needs it to offer an installation picker, and it
follows the same list conventions (NDJSON, filter[]/sort[], limit/offset). `sfOrgRef` is
empty for an installation that is not linked to a Salesforce org.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationInfo, field_validator, model_validator

from console.catalog.endpoint import body_param, path_param, query_param
from console.models import InputModel, OutputModel, PickerOption
from console.vendors.infinity.params import (
    ActionParam,
    ActionParamInput,
    normalise_action_params,
)
from console.vendors.infinity.query import (
    CallRatingFilter,
    CallRatingSort,
    IgrpFilter,
    IgrpSort,
    SfButtonFilter,
    SfButtonSort,
)


def _text_id(value: Any) -> Any:
    """Ids arrive as numbers or strings; keep them as strings."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


TextId = Annotated[str, BeforeValidator(_text_id)]


class ButtonAction(StrEnum):
    """What a button does in the Caller Insight app."""

    PROMPT = "prompt"  # ask the agent to pick another rating first
    RATE_CALL = "rateCall"  # rate the call, optionally link it to any record (the default)
    LOG_CALL = "logCall"  # rate the call and link it to a lead or contact
    CREATE_LEAD = "createLead"  # create a lead, then rate the call against it


# -- inputs --------------------------------------------------------------------------------------

IGRP_HELP = (
    "The installation (IGRP) id. Leave empty to use the profile's IGRP. Only installations "
    "linked to a Salesforce org have Caller Insight buttons."
)


class Paging(InputModel):
    """Base of list inputs: limit/offset, plus the subclass's filter[] and sort[]."""

    limit: int = query_param(
        100,
        ge=1,
        le=1000,
        description="How many records per page (Infinity's limit parameter; the console asks "
        "for at most 1000 at a time).",
    )
    offset: int = query_param(0, ge=0, description="How many records to skip.")

    def query(self) -> list[tuple[str, str | int]]:
        """The query string as Infinity reads it: filter[]=..., sort[]=..., limit, offset."""
        params: list[tuple[str, str | int]] = []
        for name in ("filter", "sort"):
            params += [(f"{name}[]", item.wire()) for item in getattr(self, name, None) or []]
        return [*params, ("limit", self.limit), ("offset", self.offset)]


class _InIgrp(InputModel):
    igrp: TextId | None = path_param(
        None,
        pattern=r"^[0-9]+$",
        description=IGRP_HELP,
        json_schema_extra={"x-picker": "infinity.listIgrps"},
    )


class ListIgrpsInput(Paging):
    filter: list[IgrpFilter] | None = query_param(
        None, description="Conditions (ANDed), each field-eq-value, e.g. name-eq-Head Office."
    )
    sort: list[IgrpSort] | None = query_param(
        None, description="Sort order, each field-asc or field-desc, e.g. name-asc."
    )


class ListSfButtonsInput(Paging, _InIgrp):
    filter: list[SfButtonFilter] | None = query_param(
        None,
        description="Conditions (ANDed), each field-eq-value, e.g. buttonAction-eq-createLead "
        "or isDefaultButton-eq-1.",
    )
    sort: list[SfButtonSort] | None = query_param(
        None, description="Sort order, each field-asc or field-desc, e.g. callRating-asc."
    )


class ListCallRatingsInput(Paging, _InIgrp):
    filter: list[CallRatingFilter] | None = query_param(
        None,
        description="Conditions (ANDed), each field-eq-value, e.g. isUsed-eq-0 for ratings "
        "still on the default Rate Call action.",
    )
    sort: list[CallRatingSort] | None = query_param(
        None, description="Sort order, each field-asc or field-desc, e.g. itemText-asc."
    )


BUTTON_ID_HELP = "The button's id (sfButtonId), as listed by List Salesforce Buttons."


class _OneButton(_InIgrp):
    sfButtonId: TextId = path_param(
        pattern=r"^[0-9]+$",
        description=BUTTON_ID_HELP,
        json_schema_extra={"x-picker": "infinity.listSfButtons"},
    )


class GetSfButtonInput(_OneButton):
    pass


class DeleteSfButtonInput(_OneButton):
    pass


RATING_HELP = (
    "The call rating the button applies to, by its text (e.g. 'New Lead'). It must be one "
    "of the installation's call ratings, and each rating can have only one button."
)
LABEL_HELP = "The text on the button the agent presses once this rating is chosen."
PARAMS_HELP = (
    "Values to write into Salesforce when the button is used: fixed values, or dropdowns "
    "the agent picks from. createLead writes to the new lead; rateCall and logCall write "
    "to the call activity."
)
DEFAULT_HELP = (
    "logCall only: make this the button chosen automatically when the caller matches an "
    "existing lead or contact (one default per installation)."
)


class CreateSfButtonInput(_InIgrp):
    callRating: str = body_param(
        ...,
        min_length=1,
        description=RATING_HELP,
        json_schema_extra={"x-picker": "infinity.listCallRatings"},
    )
    buttonAction: ButtonAction = body_param(
        ...,
        description="prompt, rateCall (rate the call), logCall (rate it and link it to a "
        "lead or contact) or createLead (create a lead and link the call to it).",
    )
    buttonLabel: str = body_param(..., min_length=1, description=LABEL_HELP)
    actionParams: list[ActionParamInput] | None = body_param(None, description=PARAMS_HELP)
    isDefaultButton: bool | None = body_param(None, description=DEFAULT_HELP)

    @field_validator("isDefaultButton")
    @classmethod
    def _default_is_for_log_call(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        if value and info.data.get("buttonAction") not in (None, ButtonAction.LOG_CALL):
            raise ValueError("only a logCall button can be the default")
        return value


class UpdateSfButtonInput(_OneButton):
    callRating: str | None = body_param(
        None,
        min_length=1,
        description="Move the button to another call rating (which must not have a button).",
        json_schema_extra={"x-picker": "infinity.listCallRatings"},
    )
    buttonLabel: str | None = body_param(None, min_length=1, description=LABEL_HELP)
    actionParams: list[ActionParamInput] | None = body_param(
        None, description=PARAMS_HELP + " They replace the current ones; an empty list clears them."
    )
    isDefaultButton: bool | None = body_param(None, description=DEFAULT_HELP)

    @model_validator(mode="after")
    def _something_to_change(self) -> UpdateSfButtonInput:
        changing = {"callRating", "buttonLabel", "actionParams", "isDefaultButton"}
        if not any(getattr(self, name) is not None for name in changing):
            raise ValueError(
                "give at least one of callRating, buttonLabel, actionParams, isDefaultButton"
            )
        return self


# -- outputs -------------------------------------------------------------------------------------


class Igrp(OutputModel):
    """An installation the credentials can see (see the module docstring: an assumption)."""

    igrp: TextId
    name: str | None = None
    sfOrgRef: str | None = None

    @property
    def linked(self) -> bool:
        return bool(self.sfOrgRef)

    def option(self) -> PickerOption:
        suffix = "" if self.linked else " (not linked to Salesforce)"
        return PickerOption(label=f"{self.igrp} {self.name or ''}{suffix}".strip(), value=self.igrp)


class SfButton(OutputModel):
    """A Caller Insight button: the action behind one call rating."""

    sfButtonId: TextId
    sfOrgRef: str | None = None
    callRating: str | None = None
    buttonAction: str | None = None
    buttonLabel: str | None = None
    isDefaultButton: int | None = None
    # A list of fixed/dropdown parameters, or the older flat form {"Field__c": "value"}.
    actionParams: list[ActionParam] | dict[str, Any] | None = None

    @field_validator("actionParams", mode="before")
    @classmethod
    def _params(cls, value: Any) -> Any:
        return normalise_action_params(value)

    @field_validator("isDefaultButton", mode="before")
    @classmethod
    def _flag(cls, value: Any) -> Any:
        return None if value == "" else value

    def option(self) -> PickerOption:
        return PickerOption(
            label=f"{self.sfButtonId} {self.callRating or ''}: {self.buttonLabel or ''}",
            value=self.sfButtonId,
        )


class CallRating(OutputModel):
    """A call rating option; `isUsed` is 1 when a button is configured for it.

    Infinity documents the text as `itemText` but answers `callRating`: both are read.
    """

    callRatingItemId: TextId
    callRating: str | None = None
    isUsed: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _either_spelling(cls, data: Any) -> Any:
        if isinstance(data, dict) and "callRating" not in data and "itemText" in data:
            data = {**data, "callRating": data["itemText"]}
        return data

    @property
    def itemText(self) -> str | None:
        return self.callRating

    def option(self) -> PickerOption:
        used = " (has a button)" if self.isUsed else ""
        return PickerOption(label=f"{self.callRating}{used}", value=self.callRating or "")


class SfButtonSaved(OutputModel):
    """A button was created (201) or updated (204); `button` is it as read back afterwards."""

    sfButtonId: TextId
    created: bool = False
    button: SfButton | None = None
