"""Model bases and the result shapes every vendor shares."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class InputModel(BaseModel):
    """Base of every endpoint's inputs: unknown names are refused, aliases or names accepted."""

    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, str_strip_whitespace=True, defer_build=True
    )


class OutputModel(BaseModel):
    """Base of every vendor record: never fails because a vendor added a field."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)


class NoInput(InputModel):
    """An endpoint that takes nothing."""


class PickerOption(OutputModel):
    """One choice of a picker data source (stages, pipelines, products, account)."""

    label: str = Field(description="What a person sees.")
    value: str = Field(description="What is sent to the vendor.")


class RawRequestInput(InputModel):
    """A request sent as given; the console only adds the vendor's base URL and auth."""

    method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"] = Field(
        "GET", description="The HTTP method."
    )
    url: str = Field(
        description="Path relative to the vendor's base URL (e.g. /v2/contacts), "
        "or a full URL on the same host."
    )
    params: dict[str, Any] | None = Field(None, description="Query parameters.")
    headers: dict[str, str] | None = Field(
        None, description="Extra headers. Authorization is always set by the console."
    )
    data: Any = Field(None, description="A JSON body to send.")
    form: dict[str, Any] | None = Field(None, description="A form-encoded body to send instead.")


class RawResponse(OutputModel):
    """A vendor's answer as it came: status, headers and decoded body."""

    status: int
    headers: dict[str, str]
    body: Any = None


class TextResult(OutputModel):
    """A vendor answer that is plain text (Totango's `Success`)."""

    text: str


class Deleted(OutputModel):
    """A successful delete (the vendor answered 204)."""

    deleted: bool = True
    id: str | int | None = None
