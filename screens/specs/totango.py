"""Totango lists: accounts (searched by name), and the SuccessPlay runs this console made."""

from __future__ import annotations

from typing import Any

from screens.specs.base import Action, Col, Filter, ListSpec, Record, VendorSpec

FIELDS = ("status_group", "health", "lifecycle_stage", "owner")


def _field(name: str) -> Any:
    index = FIELDS.index(name)

    def get(r: dict[str, Any]) -> Any:
        values = r.get("selected_fields") or []
        return values[index] if index < len(values) else None

    return get


def _name_contains(text: str) -> dict[str, Any]:
    return {"terms": [{"type": "string", "term": "display_name", "contains": text}]}


ACCOUNTS = ListSpec(
    id="totango.accounts",
    vendor="totango",
    title="Accounts",
    endpoint="totango.searchAccounts",
    key="name",
    inputs={
        "count": 100,
        "sort_by": "display_name",
        "fields": [{"type": "string", "term": f} for f in FIELDS],
    },
    columns=(
        Col("display_name", "Account", max_width=30),
        Col("name", "Account id", max_width=12),
        Col("status_group", "Status", get=_field("status_group"), max_width=9),
        Col("health", "Health", get=_field("health"), max_width=8),
        Col("lifecycle_stage", "Stage", get=_field("lifecycle_stage"), max_width=11),
        Col("owner", "Owner", get=_field("owner"), max_width=18),
    ),
    filters=(
        Filter("name", "Name contains", "acme", build=_name_contains),
        Filter(
            "status_group",
            "Status",
            choices=("paying", "trial", "freemium", "churned"),
            build=lambda v: {"terms": [{"type": "string", "term": "status_group", "eq": v}]},
        ),
    ),
    actions=(
        Action(
            "run",
            "Run SuccessPlay",
            "r",
            "totango.runManualSuccessPlay",
            lambda r: {"accountId": r["name"]},
            bulk=True,
            refresh="none",
        ),
    ),
    heading=lambda r: f"{r.get('display_name')} ({r.get('name')})",
)


def _play_named(entry: Record, profile: Any) -> Record:
    """A run's SuccessPlay by the name the profile gives its id (Totango cannot list them)."""
    plays = getattr(getattr(profile, "totango", None), "successplays", None) or {}
    play = (entry.get("inputs") or {}).get("successplayId")
    names = {str(v): k for k, v in plays.items()}
    return {**entry, "successplay_name": names.get(str(play))} if str(play) in names else entry


RUNS = ListSpec(
    id="totango.runs",
    vendor="totango",
    title="SuccessPlay runs",
    endpoint="totango.runManualSuccessPlay",
    source="journal",
    columns=(
        Col(
            "time",
            "When",
            get=lambda r: str(r.get("time") or "")[:19].replace("T", " "),
            max_width=19,
        ),
        Col(
            "account",
            "Account",
            get=lambda r: (r.get("inputs") or {}).get("accountId"),
            max_width=14,
        ),
        Col(
            "play",
            "SuccessPlay",
            get=lambda r: r.get("successplay_name") or (r.get("inputs") or {}).get("successplayId"),
            max_width=36,
        ),
        Col("outcome", "Outcome", max_width=8),
        Col("error", "Error", max_width=40),
        Col("profile", "Profile", max_width=10),
    ),
    heading=lambda r: f"Run {r.get('id')}: {r.get('outcome')}",
    annotate=_play_named,
)

VENDOR = VendorSpec("totango", "Totango", (ACCOUNTS, RUNS))
