"""Totango inputs and outputs."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator

from console.models import InputModel, OutputModel

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_UUID = re.compile(UUID_PATTERN)


class RunManualSuccessPlayInput(InputModel):
    successplayId: str = Field(
        description="The SuccessPlay to run: the id in the SuccessPlay's URL in Totango "
        "(a UUID such as 66b6ea0c-e855-40a1-b875-d4dd96a58638). It must be manual and active.",
        json_schema_extra={"x-picker": "totango.successplays", "pattern": UUID_PATTERN},
    )
    accountId: str = Field(
        min_length=1,
        description="The Totango account id to run it on (your own id for the account).",
        json_schema_extra={"x-picker": "totango.searchAccounts"},
    )

    @field_validator("successplayId")
    @classmethod
    def _uuid(cls, value: str) -> str:
        if not _UUID.match(value):
            raise ValueError(
                "must be a SuccessPlay id: a UUID like 66b6ea0c-e855-40a1-b875-d4dd96a58638"
            )
        return value.lower()


class SearchTerm(InputModel):
    """One condition of an account search (conditions are ANDed)."""

    type: str = Field(
        "string",
        description="Term type: string (an account field), string_attribute (a custom "
        "attribute), or health.",
    )
    term: str | None = Field(
        None, description="The field, e.g. display_name, status_group, health, account_id."
    )
    attribute: str | None = Field(None, description="Custom attribute name (string_attribute).")
    eq: str | None = Field(None, description="Matches this value exactly.")
    contains: str | None = Field(None, description="Matches values containing this text.")
    in_list: list[str] | None = Field(None, description="Matches any of these values.")
    is_one_of: list[str] | None = Field(None, description="Same as in_list.")


class SearchField(InputModel):
    type: str = Field("string", description="string or string_attribute.")
    term: str | None = Field(None, description="The account field to return.")
    attribute: str | None = Field(None, description="The custom attribute to return.")
    field_display_name: str | None = Field(None, description="The column label.")


class SearchAccountsInput(InputModel):
    terms: list[SearchTerm] = Field(
        default_factory=list, description="Conditions the accounts must meet (ANDed)."
    )
    fields: list[SearchField] = Field(
        default_factory=list, description="Extra account fields to return in selected_fields."
    )
    count: int = Field(100, ge=1, le=1000, description="Accounts per page (at most 1000).")
    offset: int = Field(0, ge=0, description="How many accounts to skip.")
    sort_by: str | None = Field(None, description="Field to sort by, e.g. display_name.")
    sort_order: Literal["ASC", "DESC"] | None = Field(None, description="Sort direction.")
    scope: str = Field("all", description="Search scope; 'all' searches every account.")

    @field_validator("sort_order", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value


class AccountHit(OutputModel):
    name: str = Field(description="The account id.")
    display_name: str | None = Field(None, description="The account's name.")
    selected_fields: list[Any] = Field(default_factory=list)

    @property
    def account_id(self) -> str:
        return self.name
