"""Every record action's key reaches its action: nothing nearer the focus takes it first."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from screens.list_view import RecordListView
from screens.specs import infinity, salesforce, totango, zendesk_sell
from screens.specs.base import ListSpec
from widgets.record_table import RecordTable

SPECS = [
    spec for vendor in (salesforce, zendesk_sell, infinity, totango) for spec in vendor.VENDOR.lists
]


def _keys(bindings: object) -> set[str]:
    out: set[str] = set()
    for binding in bindings:  # type: ignore[attr-defined]
        assert isinstance(binding, Binding)
        out.update(k.strip() for k in binding.key.split(","))
    return out


# The table has the focus when a list shows; its keys, then the list view's own, come first.
NEARER = _keys(RecordTable.BINDINGS) | _keys(RecordListView.BINDINGS)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_action_keys_are_not_shadowed_and_unique_per_list(spec: ListSpec) -> None:
    keys = [k for a in spec.actions for k in (a.key, a.fallback_key) if k]
    assert sorted(set(keys) & NEARER) == []
    assert len(keys) == len(set(keys))


def test_the_check_sees_the_tables_own_keys() -> None:
    assert {"g", "l", "s", "space"} <= NEARER
