"""How a form field edits a value: its kind, read from the pydantic annotation, and text <-> value.

    str                      -> TEXT      an Input
    int                      -> INTEGER   an Input that takes digits
    float, Decimal           -> NUMBER    an Input that takes a number
    bool                     -> BOOL      a checkbox (tri-state: unset / yes / no when optional)
    Enum, Literal            -> CHOICE    a Select of the allowed values
    date                     -> DATE      an Input, YYYY-MM-DD
    datetime                 -> DATETIME  an Input, ISO 8601 or `2026-11-23 14:00` (UTC)
    list of str / int / ...  -> LIST      an Input of comma-separated values
    dict                     -> MAPPING   a TextArea: a JSON object, or key=value lines
    models, lists of models  -> JSON      a TextArea validated as JSON

Nothing here talks to a vendor or draws anything: it is the arithmetic the form widgets share.
"""

from __future__ import annotations

import json
import types
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel


class Kind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    BOOL = "bool"
    CHOICE = "choice"
    DATE = "date"
    DATETIME = "datetime"
    LIST = "list"
    MAPPING = "mapping"
    JSON = "json"


class _Unset:
    """No value: the field is left out of the inputs."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()

SINGLE_LINE = frozenset({Kind.TEXT, Kind.INTEGER, Kind.NUMBER, Kind.DATE, Kind.DATETIME, Kind.LIST})
MULTI_LINE = frozenset({Kind.MAPPING, Kind.JSON})
PLACEHOLDERS: dict[Kind, str] = {
    Kind.INTEGER: "a whole number",
    Kind.NUMBER: "a number, e.g. 1000.00",
    Kind.DATE: "YYYY-MM-DD",
    Kind.DATETIME: "YYYY-MM-DD HH:MM (UTC unless a zone is given)",
    Kind.LIST: "comma-separated values",
}


@dataclass(frozen=True, slots=True)
class FieldKind:
    kind: Kind
    optional: bool = False  # None is an accepted value
    choices: tuple[str, ...] = ()  # CHOICE: the allowed values, as text
    item: Kind = Kind.TEXT  # LIST: the kind of each element

    @property
    def single_line(self) -> bool:
        return self.kind in SINGLE_LINE


_SCALARS: dict[type, Kind] = {
    bool: Kind.BOOL,
    int: Kind.INTEGER,
    float: Kind.NUMBER,
    Decimal: Kind.NUMBER,
    str: Kind.TEXT,
}


def classify(annotation: Any) -> FieldKind:
    """The kind of editor a pydantic annotation calls for."""
    optional = False
    annotation = _strip(annotation)
    if _is_union(annotation):
        members = [_strip(a) for a in get_args(annotation)]
        kept = [a for a in members if a is not type(None)]
        optional = len(kept) < len(members)
        if len(kept) != 1:
            scalar = all(_scalar_kind(a) in (Kind.TEXT, Kind.INTEGER, Kind.NUMBER) for a in kept)
            return FieldKind(Kind.TEXT if scalar else Kind.JSON, optional)
        annotation = kept[0]
    found = _single(annotation)
    return FieldKind(found.kind, optional, found.choices, found.item)


def _strip(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)


def _scalar_kind(annotation: Any) -> Kind | None:
    annotation = _strip(annotation)
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return Kind.CHOICE
        for base, kind in _SCALARS.items():
            if annotation is base or (base is not bool and issubclass(annotation, base)):
                return Kind.BOOL if issubclass(annotation, bool) else kind
        name = annotation.__name__
        if name.endswith("Datetime") or issubclass(annotation, datetime):
            return Kind.DATETIME
        if name.endswith("Date") or issubclass(annotation, date):
            return Kind.DATE
    if get_origin(annotation) is Literal:
        return Kind.CHOICE
    return None


def _choices(annotation: Any) -> tuple[str, ...]:
    if get_origin(annotation) is Literal:
        return tuple(str(a) for a in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(m.value) for m in annotation)
    return ()


def _single(annotation: Any) -> FieldKind:
    scalar = _scalar_kind(annotation)
    if scalar is not None:
        return FieldKind(scalar, choices=_choices(annotation))
    origin = get_origin(annotation)
    if origin in (list, tuple, set, frozenset):
        args = [a for a in get_args(annotation) if a is not Ellipsis]
        item = _scalar_kind(args[0]) if len(args) == 1 else None
        if item in (Kind.TEXT, Kind.INTEGER, Kind.NUMBER, Kind.CHOICE):
            return FieldKind(Kind.LIST, item=item)
        return FieldKind(Kind.JSON)
    if origin is dict or annotation is dict:
        return FieldKind(Kind.MAPPING)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FieldKind(Kind.JSON)
    return FieldKind(Kind.JSON)


# -- value -> text (what a prefilled field shows) ------------------------------------------


def as_bool(value: Any) -> bool | None:
    """A prefilled flag as a checkbox state: vendors answer 1/0, "1"/"0" or "true"/"false"."""
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    return None


def to_text(kind: FieldKind, value: Any) -> str:
    if value is None or value is UNSET:
        return ""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, Enum):
        value = value.value
    if kind.kind is Kind.LIST and isinstance(value, (list, tuple, set)):
        return ", ".join(str(v) for v in value)
    if kind.kind is Kind.MAPPING and isinstance(value, dict):
        if value and all(_plain(v) and "\n" not in str(v) for v in value.values()):
            return "\n".join(f"{k}={'' if v is None else v}" for k, v in value.items())
        return json.dumps(value, indent=2, ensure_ascii=False, default=str)
    if kind.kind in (Kind.JSON, Kind.MAPPING) and not isinstance(value, str):
        return json.dumps(_jsonable(value), indent=2, ensure_ascii=False, default=str)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _plain(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, Decimal))


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


# -- text -> value (what a typed field sends) ----------------------------------------------


def from_text(kind: FieldKind, text: str) -> Any:
    """The value of typed text; UNSET when blank. Raises ValueError with a short reason."""
    if not text.strip():
        return UNSET
    k = kind.kind
    if k is Kind.INTEGER:
        return _integer(text)
    if k is Kind.NUMBER:
        return text.strip()  # pydantic reads "1000.50" exactly (Decimal keeps every digit)
    if k is Kind.DATE:
        return parse_date(text)
    if k is Kind.DATETIME:
        return parse_datetime(text)
    if k is Kind.LIST:
        items = split_list(text)
        return [_integer(i) for i in items] if kind.item is Kind.INTEGER else items
    if k is Kind.MAPPING:
        return parse_mapping(text)
    if k is Kind.JSON:
        return parse_json(text)
    return text


def _integer(text: str) -> Any:
    try:
        return int(text.strip())
    except ValueError:
        return text.strip()  # pydantic names the problem beside the field


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_date(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ValueError("a date as YYYY-MM-DD, e.g. 2026-11-23") from None


def parse_datetime(text: str) -> str:
    """ISO 8601, `2026-11-23 14:00` too; without a zone the time is UTC."""
    raw = text.strip().replace("t", "T").replace("z", "Z")
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        try:
            when = datetime.combine(date.fromisoformat(raw), datetime.min.time())
        except ValueError:
            raise ValueError(
                "a date and time, e.g. 2026-11-23 14:00 (UTC) or 2026-11-23T14:00:00+01:00"
            ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.isoformat().replace("+00:00", "Z")


def parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None


def parse_mapping(text: str) -> dict[str, Any]:
    """A JSON object, or one key=value per line (blank lines and # comments skipped)."""
    stripped = text.strip()
    if stripped.startswith("{"):
        value = parse_json(stripped)
        if not isinstance(value, dict):
            raise ValueError("a JSON object, or key=value lines")
        return value
    out: dict[str, Any] = {}
    for number, line in enumerate(stripped.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"line {number}: expected key=value (or a JSON object)")
        out[key.strip()] = value.strip()
    return out
