"""The vocabulary of list specs: columns, filters, related records and actions.

A `ListSpec` says which endpoint fills a list, how rows look, which server-side filters the
vendor offers, what related records the detail pane loads, and which actions (each an
endpoint of the catalog, with a key) the list and its detail pane offer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from textual.widget import Widget

Record = Mapping[str, Any]
Prefill = Callable[[Record], dict[str, Any]]


def editable(endpoint_id: str, *, key: str = "id", path_key: str = "id") -> Prefill:
    """Prefill an update form with the record's current values of the fields it accepts."""

    def prefill(record: Record) -> dict[str, Any]:
        from console.catalog import get

        names = {f.name for f in get(endpoint_id).fields()}
        out = {k: v for k, v in record.items() if k in names and v is not None and k != path_key}
        out[path_key] = record.get(key)
        return out

    return prefill


def dig(record: Record, path: str) -> Any:
    """`record["a"]["b"]` for path "a.b", None when any part is missing."""
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


@dataclass(frozen=True, slots=True)
class Col:
    """A list column: where its value comes from and how wide it may be."""

    key: str
    label: str = ""
    get: Callable[[Record], Any] | None = None
    width: int | None = None
    min_width: int = 3
    max_width: int = 32
    align: Literal["left", "right"] = "left"

    def value(self, record: Record) -> Any:
        return self.get(record) if self.get else dig(record, self.key)


@dataclass(frozen=True, slots=True)
class Filter:
    """A server-side filter: an input of the list endpoint the user can set."""

    field: str
    label: str
    placeholder: str = ""
    choices: tuple[str, ...] = ()
    # Turns the typed value into the endpoint's inputs when they are not a plain field
    # (Totango's search terms, Infinity's filter[] strings).
    build: Callable[[str], dict[str, Any]] | None = None

    def inputs(self, value: Any) -> dict[str, Any]:
        if value in (None, ""):
            return {}
        return self.build(str(value)) if self.build else {self.field: value}


@dataclass(frozen=True, slots=True)
class Related:
    """Records related to the selected one, loaded when the detail pane shows it."""

    title: str
    endpoint: str
    inputs: Callable[[Record], dict[str, Any] | None]
    columns: tuple[Col, ...]
    key: str = "id"


@dataclass(frozen=True, slots=True)
class Action:
    """An action button: one catalog endpoint, prefilled from the selected record."""

    id: str
    label: str
    key: str
    endpoint: str
    prefill: Prefill = lambda record: {}
    form: bool = True  # open the endpoint's form; False sends the prefill after a confirm
    bulk: bool = False  # may run on every marked row
    refresh: Literal["row", "list", "remove", "none"] = "row"
    on_list: bool = True  # also reachable from the list, not only the detail pane
    needs_record: bool = True  # False: the action makes something new (no selection needed)
    fallback_key: str | None = None  # a second key that survives tmux and odd terminals
    fields: tuple[str, ...] | None = None  # show only these inputs in the form


@dataclass(frozen=True, slots=True)
class ListSpec:
    id: str  # e.g. "zendesk_sell.contacts"
    vendor: str
    title: str
    endpoint: str
    columns: tuple[Col, ...]
    key: str = "id"
    inputs: Mapping[str, Any] = field(default_factory=dict)
    filters: tuple[Filter, ...] = ()
    get_endpoint: str | None = None  # re-read one record after an action (inputs: key)
    get_key: str = "id"  # the get endpoint's input that takes the record key
    related: tuple[Related, ...] = ()
    actions: tuple[Action, ...] = ()
    heading: Callable[[Record], str] | None = None
    hidden_fields: tuple[str, ...] = ()  # left out of the detail pane
    # A list shown for the selection of another list (step trackers of a tracker): the
    # parent's id and how it becomes this list's inputs.
    parent: str | None = None
    parent_inputs: Callable[[Record], dict[str, Any]] | None = None
    parent_required: bool = True  # False: without a parent selection the list still loads
    source: Literal["endpoint", "journal"] = "endpoint"  # journal: `endpoint` filters entries
    # Journal rows only: what the profile knows that the entry does not (a SuccessPlay's name).
    annotate: Callable[[Record, Any], Record] | None = None

    def title_of(self, record: Record) -> str:
        if self.heading:
            return self.heading(record)
        return str(record.get("name") or record.get(self.key) or "")


@dataclass(frozen=True, slots=True)
class PaneSpec:
    """A vendor sub-tab that is not a record list (e.g. the Zendesk Sell Firehose tail).

    `factory` makes the widget the first time the tab is shown; the widget may define
    `shown()` (called each time its tab comes into view) and `focus_default()`.
    """

    id: str  # e.g. "zendesk_sell.firehose"
    title: str
    factory: Callable[[], Widget]


@dataclass(frozen=True, slots=True)
class VendorSpec:
    vendor: str
    title: str
    lists: tuple[ListSpec, ...]
    panes: tuple[PaneSpec, ...] = ()  # shown after the lists

    @property
    def tab_ids(self) -> tuple[str, ...]:
        """Every sub-tab in order: the lists, then the panes."""
        return tuple(s.id for s in self.lists) + tuple(p.id for p in self.panes)
