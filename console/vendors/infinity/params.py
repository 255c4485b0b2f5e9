"""A button's action parameters: what the Caller Insight app writes into Salesforce records.

A parameter is either *fixed* (always write `value`) or a *dropdown* (the agent picks one of
`options` in the Caller Insight app). Either way `sfFields` says which field receives the value,
per Salesforce object, e.g. `{"Lead": "CountryCode"}` or `{"Lead": "Origin__c", "Contact":
"Origin__c"}`. On the wire they travel as PHP-style bracketed form fields
(`actionParams[0][sfFields][Lead]=Owner&actionParams[0][value]=00G...`).

Inputs are strict (a typo is refused before sending); outputs are tolerant: Infinity answers
strings for numbers (`"required": "1"`), and some buttons carry the older flat object form
`{"Call_Source__c": "Infinity"}` instead of a list, which `SfButton.actionParams` keeps as is.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, field_validator

from console.models import InputModel, OutputModel

# Salesforce API names: a letter, then letters, digits and underscores (custom ones end __c).
API_NAME = r"^[A-Za-z][A-Za-z0-9_]*$"
ApiName = Annotated[str, Field(pattern=API_NAME, max_length=80)]


def _check_sf_fields(value: dict[str, str]) -> dict[str, str]:
    if not value:
        raise ValueError("name at least one Salesforce object and its field")
    return value


class DropdownOption(InputModel):
    """One choice of a dropdown parameter."""

    label: str = Field(min_length=1, description="What the agent sees in the dropdown.")
    value: str = Field(
        min_length=1,
        description="What is written to Salesforce when chosen: a picklist value, or a "
        "record type id such as 012b0000000kGkl.",
    )


class FixedActionParam(InputModel):
    """Write the same value every time the button is used."""

    sfFields: dict[ApiName, ApiName] = Field(
        description="Which field receives the value, per Salesforce object: object API name "
        "-> field API name, e.g. Lead -> OwnerId or Task -> Call_Source__c.",
    )
    value: str = Field(
        description="The value written, e.g. a queue id (00G...) for a lead's owner, or "
        "'Infinity' for a custom origin field.",
    )

    _sf_fields = field_validator("sfFields")(_check_sf_fields)


class DropdownActionParam(InputModel):
    """Let the agent pick the value from a list in the Caller Insight app."""

    sfFields: dict[ApiName, ApiName] = Field(
        description="Which field receives the chosen value, per Salesforce object: object "
        "API name -> field API name (a picklist field or RecordTypeId).",
    )
    type: Literal["dropdown"] = Field("dropdown", description="Always 'dropdown'.")
    label: str = Field(min_length=1, description="The dropdown's caption, e.g. 'Country'.")
    required: bool = Field(False, description="Whether the agent must choose a value.")
    options: list[DropdownOption] = Field(
        min_length=1, description="The choices, in the order they are shown."
    )

    _sf_fields = field_validator("sfFields")(_check_sf_fields)


def _param_kind(value: Any) -> str:
    if isinstance(value, DropdownActionParam):
        return "dropdown"
    if isinstance(value, dict) and ("type" in value or "options" in value):
        return "dropdown"
    return "fixed"


ActionParamInput = Annotated[
    Annotated[FixedActionParam, Tag("fixed")] | Annotated[DropdownActionParam, Tag("dropdown")],
    Discriminator(_param_kind),
]


def as_list(value: Any) -> Any:
    """PHP arrays keyed 0..n come back as objects {"0": ..., "1": ...}: make them lists."""
    if isinstance(value, dict) and value and all(str(k).isdigit() for k in value):
        return [value[k] for k in sorted(value, key=lambda k: int(str(k)))]
    return value


class ActionParamOption(OutputModel):
    label: str | None = None
    value: str | None = None


class ActionParam(OutputModel):
    """A parameter as Infinity answers it (fixed or dropdown)."""

    sfFields: dict[str, str] = Field(default_factory=dict)
    type: str | None = None
    value: str | None = None
    label: str | None = None
    required: bool | None = None
    options: list[ActionParamOption] = Field(default_factory=list)

    @field_validator("options", mode="before")
    @classmethod
    def _options(cls, value: Any) -> Any:
        value = as_list(value)
        if value is None or value == "":
            return []
        if isinstance(value, dict):  # one option sent without an index
            return [value]
        return value

    @field_validator("sfFields", mode="before")
    @classmethod
    def _fields(cls, value: Any) -> Any:
        return {} if value in (None, "", []) else value

    @field_validator("value", "label", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value

    @property
    def kind(self) -> Literal["fixed", "dropdown"]:
        return "dropdown" if self.type == "dropdown" or self.options else "fixed"

    def to_input(self) -> FixedActionParam | DropdownActionParam:
        """The same parameter as an input (to edit a button and send it back)."""
        if self.kind == "dropdown":
            return DropdownActionParam(
                sfFields=self.sfFields,
                label=self.label or "",
                required=bool(self.required),
                options=[
                    DropdownOption(label=o.label or "", value=o.value or "") for o in self.options
                ],
            )
        return FixedActionParam(sfFields=self.sfFields, value=self.value or "")


def normalise_action_params(value: Any) -> Any:
    """The list form when Infinity sent a list (or a PHP-keyed object); else the flat object."""
    value = as_list(value)
    if value in (None, "", []):
        return None if value is None or value == "" else []
    if isinstance(value, dict) and "sfFields" in value:
        return [value]  # a single parameter sent without an index
    return value
