"""What an endpoint is: one declaration, as data, that every face of the console derives from.

The client method, the command-palette entry, the CLI subcommand, the generated form, the
README endpoint table and the sandbox coverage test all read the same `Endpoint`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field
from pydantic.fields import FieldInfo

Vendor = Literal["salesforce", "zendesk_sell", "infinity", "totango"]
VENDORS: tuple[Vendor, ...] = ("salesforce", "zendesk_sell", "infinity", "totango")
VENDOR_TITLES: dict[str, str] = {
    "salesforce": "Salesforce",
    "zendesk_sell": "Zendesk Sell",
    "infinity": "Infinity",
    "totango": "Totango",
}

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class Kind(StrEnum):
    """How a client turns an endpoint's answer into a result."""

    RECORD = "record"  # one object
    LIST = "list"  # a page of objects (paginated endpoints)
    DELETE = "delete"  # no body on success
    ACTION = "action"  # Salesforce invocable action: one result per input, batched
    STREAM = "stream"  # Zendesk Firehose page
    OPTIONS = "options"  # a picker data source: [{label, value}]
    RAW = "raw"  # raw request: status, headers and body as the vendor sent them
    TEXT = "text"  # a plain-text answer (Totango's "Success")


class Location(StrEnum):
    PATH = "path"
    QUERY = "query"
    BODY = "body"


_LOCATION_KEY = "x-in"


def param(
    location: Location,
    default: Any = ...,
    *,
    description: str,
    alias: str | None = None,
    **kwargs: Any,
) -> Any:
    """A pydantic Field that also says where the value travels (path, query or body)."""
    extra = dict(kwargs.pop("json_schema_extra", None) or {})
    extra[_LOCATION_KEY] = location.value
    return Field(default, description=description, alias=alias, json_schema_extra=extra, **kwargs)


def path_param(default: Any = ..., *, description: str, **kwargs: Any) -> Any:
    return param(Location.PATH, default, description=description, **kwargs)


def query_param(default: Any = None, *, description: str, **kwargs: Any) -> Any:
    return param(Location.QUERY, default, description=description, **kwargs)


def body_param(default: Any = None, *, description: str, **kwargs: Any) -> Any:
    return param(Location.BODY, default, description=description, **kwargs)


def location_of(info: FieldInfo, method: str) -> Location:
    """Where a field travels; unmarked fields go in the query for GET/DELETE, else the body."""
    extra = info.json_schema_extra
    if isinstance(extra, dict) and _LOCATION_KEY in extra:
        return Location(str(extra[_LOCATION_KEY]))
    return Location.QUERY if method in ("GET", "DELETE", "HEAD") else Location.BODY


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One vendor action, declared once."""

    id: str
    title: str
    method: str
    path: str
    input_model: type[BaseModel]
    output_model: type[BaseModel] | None
    kind: Kind = Kind.RECORD
    description: str = ""
    mutating: bool = False
    destructive: bool = False
    idempotent: bool | None = None
    paginated: bool = False
    batchable: bool = False
    # A free-form hint the vendor client reads (e.g. which Zendesk resource a stream reads).
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def vendor(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def action(self) -> str:
        return self.id.split(".", 1)[1]

    @property
    def vendor_title(self) -> str:
        return VENDOR_TITLES[self.vendor]

    @property
    def palette_title(self) -> str:
        """The title shown in the command palette, e.g. 'Zendesk Sell: Create Contact'."""
        return f"{self.vendor_title}: {self.title}"

    @property
    def is_idempotent(self) -> bool:
        """Whether sending this request twice is harmless (only these are ever retried)."""
        if self.idempotent is not None:
            return self.idempotent
        return self.method.upper() in IDEMPOTENT_METHODS

    def fields(self) -> list[InputField]:
        """The input fields in declaration order, as the CLI, forms and docs describe them."""
        out: list[InputField] = []
        for name, info in self.input_model.model_fields.items():
            out.append(
                InputField(
                    name=info.alias or name,
                    attribute=name,
                    required=info.is_required(),
                    description=info.description or "",
                    location=location_of(info, self.method).value,
                    annotation=info.annotation,
                    default=None if info.is_required() else info.get_default(),
                )
            )
        return out

    def describe(self) -> dict[str, Any]:
        """A JSON-ready description (used by `crm-console endpoints --json`)."""
        schema = self.input_model.model_json_schema(by_alias=True)
        props: dict[str, Any] = schema.get("properties", {})
        return {
            "id": self.id,
            "vendor": self.vendor,
            "action": self.action,
            "title": self.title,
            "palette_title": self.palette_title,
            "description": self.description,
            "method": self.method,
            "path": self.path,
            "kind": self.kind.value,
            "mutating": self.mutating,
            "destructive": self.destructive,
            "idempotent": self.is_idempotent,
            "paginated": self.paginated,
            "batchable": self.batchable,
            "inputs": [
                {
                    "name": f.name,
                    "required": f.required,
                    "in": f.location,
                    "description": f.description,
                    "schema": props.get(f.name, {}),
                }
                for f in self.fields()
            ],
        }


@dataclass(frozen=True, slots=True)
class InputField:
    name: str
    attribute: str
    required: bool
    description: str
    location: str
    annotation: Any
    default: Any


def raw_request(vendor: str, description: str) -> Endpoint:
    """A vendor's raw request: any method and path, sent with the profile's credentials."""
    from console.models import RawRequestInput, RawResponse

    return Endpoint(
        id=f"{vendor}.rawRequest",
        title="Raw Request",
        method="POST",
        path="/",
        input_model=RawRequestInput,
        output_model=RawResponse,
        kind=Kind.RAW,
        description=description,
        mutating=True,
    )
