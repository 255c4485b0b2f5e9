"""Which form fields pick their value from the vendor's own lists, and how those lists load.

| Vendor       | Field                             | Source                                   |
|--------------|-----------------------------------|------------------------------------------|
| Zendesk Sell | stage_id                          | zendesk_sell.selectStages                |
|              | pipeline_id                       | zendesk_sell.selectPipelines             |
|              | product_id                        | zendesk_sell.selectProducts              |
|              | owner_id, user_id, creator_id     | zendesk_sell.listUsers                   |
| Salesforce   | userId, ownerId                   | salesforce.listUsers (active)            |
|              | salesCadenceNameOrId, cadenceId   | salesforce.listCadences                  |
|              | targetId                          | salesforce.listContacts + listLeads      |
|              | actionCadenceTrackerId, trackerId | salesforce.listCadenceTrackers (running) |
|              | recordId, stepTrackerId           | salesforce.listStepTrackers (current)    |
|              | recipientGroupId                  | salesforce.listRecipientGroups           |
|              | quoteLineItemId                   | salesforce.listQuoteLineItems            |
| Infinity     | igrp                              | infinity.listIgrps                       |
|              | callRating                        | infinity.listCallRatings (unused first)  |
|              | sfButtonId                        | infinity.listSfButtons                   |
| Totango      | successplayId                     | the profile's named SuccessPlays         |
|              | accountId                         | totango.searchAccounts                   |

Every `x-picker` hint in the catalog's input models has a row here (a test checks). Options
load when a form opens, in the form's worker, through the service; a field whose source
depends on another field (call ratings and buttons of an IGRP) reloads when that field changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from console.catalog import get as endpoint
from console.service.results import jsonable

Row = Mapping[str, Any]
Option = tuple[str, str]
MAX_OPTIONS = 1000
PROFILE_SUCCESSPLAYS = "profile:totango.successplays"


def _get(row: Row, path: str) -> Any:
    value: Any = row
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _text(*paths: str, sep: str = " · ") -> Callable[[Row], str]:
    def label(row: Row) -> str:
        return sep.join(str(v) for v in (_get(row, p) for p in paths) if v not in (None, ""))

    return label


def _key(name: str) -> Callable[[Row], str]:
    return lambda row: str(_get(row, name) or "")


_LABEL, _VALUE = _text("label"), _key("value")


@dataclass(frozen=True, slots=True)
class Source:
    """One list of choices: the endpoint that gives it and how a row becomes an option."""

    endpoint: str  # a catalog endpoint id, or PROFILE_SUCCESSPLAYS
    label: Callable[[Row], str] = field(default=_LABEL)
    value: Callable[[Row], str] = field(default=_VALUE)
    inputs: Mapping[str, Any] = field(default_factory=dict)
    prefix: str = ""  # "Contact: " when several sources feed one field
    order: Callable[[Row], Any] | None = None
    depends: tuple[str, ...] = ()  # form fields passed on as inputs when set (igrp)


ZS_USERS = Source("zendesk_sell.listUsers", _text("name", "email"), _key("id"), {"per_page": 100})
SF_USERS = Source(
    "salesforce.listUsers", _text("Name", "Title"), _key("Id"), {"isActive": True, "limit": 500}
)
SF_CADENCES = Source(
    "salesforce.listCadences", _text("Name", "State", "Type"), _key("Id"), {"limit": 500}
)
SF_TRACKERS = Source(
    "salesforce.listCadenceTrackers",
    _text("Target.Name", "ActionCadence.Name", "State"),
    _key("Id"),
    {"limit": 500, "activeOnly": True},
)
SF_STEPS = Source(
    "salesforce.listStepTrackers",
    _text("Target.Name", "ActionCadenceName", "StepTitle", "State"),
    _key("Id"),
    {"limit": 500, "state": "Active"},
)
IGRP = ("igrp",)

PICKERS: dict[str, dict[str, tuple[Source, ...]]] = {
    "zendesk_sell": {
        "stage_id": (Source("zendesk_sell.selectStages"),),
        "pipeline_id": (Source("zendesk_sell.selectPipelines"),),
        "product_id": (Source("zendesk_sell.selectProducts"),),
        "owner_id": (ZS_USERS,),
        "user_id": (ZS_USERS,),
        "creator_id": (ZS_USERS,),
    },
    "salesforce": {
        "userId": (SF_USERS,),
        "ownerId": (SF_USERS,),
        "salesCadenceNameOrId": (SF_CADENCES,),
        "cadenceId": (SF_CADENCES,),
        "targetId": (
            Source(
                "salesforce.listContacts",
                _text("Name", "Email"),
                _key("Id"),
                {"limit": 500},
                prefix="Contact: ",
            ),
            Source(
                "salesforce.listLeads",
                _text("Name", "Company", "Email"),
                _key("Id"),
                {"limit": 500},
                prefix="Lead: ",
            ),
        ),
        "actionCadenceTrackerId": (SF_TRACKERS,),
        "trackerId": (SF_TRACKERS,),
        "recordId": (SF_STEPS,),
        "stepTrackerId": (SF_STEPS,),
        "recipientGroupId": (
            Source(
                "salesforce.listRecipientGroups",
                _text("Name", "RecipientCount"),
                _key("Id"),
                {"limit": 500},
            ),
        ),
        "quoteLineItemId": (
            Source(
                "salesforce.listQuoteLineItems",
                _text("LineNumber", "Description", "Recipient.Name"),
                _key("Id"),
                {"limit": 500},
            ),
        ),
    },
    "infinity": {
        "igrp": (
            Source(
                "infinity.listIgrps",
                lambda r: (
                    f"{r.get('igrp')} {r.get('name') or ''}".strip()
                    + ("" if r.get("sfOrgRef") else " (not linked to Salesforce)")
                ),
                _key("igrp"),
                {"limit": 1000},
            ),
        ),
        "callRating": (
            Source(
                "infinity.listCallRatings",
                lambda r: f"{r.get('callRating')}" + (" (has a button)" if _used(r) else ""),
                _key("callRating"),
                {"limit": 1000},
                order=lambda r: (_used(r), str(r.get("callRating") or "").lower()),
                depends=IGRP,
            ),
        ),
        "sfButtonId": (
            Source(
                "infinity.listSfButtons",
                _text("sfButtonId", "callRating", "buttonLabel"),
                _key("sfButtonId"),
                {"limit": 1000},
                depends=IGRP,
            ),
        ),
    },
    "totango": {
        "successplayId": (Source(PROFILE_SUCCESSPLAYS),),
        "accountId": (
            Source(
                "totango.searchAccounts",
                _text("display_name", "name"),
                _key("name"),
                {"count": 1000, "sort_by": "display_name", "sort_order": "ASC"},
            ),
        ),
    },
}


def _used(row: Row) -> bool:
    return str(row.get("isUsed") or "0") not in ("0", "", "False", "false")


def sources_for(endpoint_id: str, field_name: str) -> tuple[Source, ...]:
    """The lists that offer values for a field of an endpoint (none for most fields)."""
    vendor = endpoint_id.split(".", 1)[0]
    sources = PICKERS.get(vendor, {}).get(field_name, ())
    # A list endpoint's own filter never picks from the same list (it would load itself).
    return tuple(s for s in sources if s.endpoint != endpoint_id)


async def load_options(
    service: Any, source: Source, values: Mapping[str, Any] | None = None
) -> list[Option]:
    """One source's choices as (label, value), in its order, without duplicate values."""
    if source.endpoint == PROFILE_SUCCESSPLAYS:
        totango = getattr(service.profile, "totango", None)
        plays: Mapping[str, str] = getattr(totango, "successplays", None) or {}
        return [(f"{name} ({play_id[:8]}…)", play_id) for name, play_id in sorted(plays.items())]
    inputs = dict(source.inputs)
    for name in source.depends:
        value = (values or {}).get(name)
        if value not in (None, ""):
            inputs[name] = value
    ep = endpoint(source.endpoint)
    result = await service.call(ep.id, inputs)
    rows = [r for r in jsonable(result.data) or [] if isinstance(r, Mapping)]
    if source.order is not None:
        rows.sort(key=source.order)
    seen: set[str] = set()
    options: list[Option] = []
    for row in rows[:MAX_OPTIONS]:
        value = source.value(row)
        if not value or value in seen:
            continue
        seen.add(value)
        options.append((source.prefix + (source.label(row) or value), value))
    return options
