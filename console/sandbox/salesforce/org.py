"""The sandbox org's data: one table per object, the indexes actions need, ids, and undo.

Records are plain dicts keyed by 18-character ids; any lookup accepts the 15-character form
too. Changes go through `put`, which keeps the indexes right and, inside `transaction()`,
remembers what to restore if the caller rolls back (an org without partial save).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from console.sandbox.common.store import Store, Table
from console.sandbox.salesforce.ids import make_id
from console.sandbox.salesforce.schema import OBJECTS, object_for_id
from console.vendors.salesforce.ids import is_valid, to18

Record = dict[str, Any]
# Trackers in these states are still in progress (IsTrackerActive); Complete ones are not.
ACTIVE_STATES = frozenset({"Running", "Paused", "Initializing", "Processing", "Error"})


class Org:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._undo: list[tuple[str, str, Record | None]] | None = None
        self.reindex()

    # -- reading ---------------------------------------------------------------------------

    def table(self, sobject: str) -> Table:
        return self.store.table(sobject)

    def rows(self, sobject: str) -> Iterable[Record]:
        return self.table(sobject).rows.values()

    def lookup(self, record_id: str) -> tuple[str, Record] | None:
        """(object name, record) for an id in either form, or None."""
        if not isinstance(record_id, str) or not is_valid(record_id):
            return None
        sobject = object_for_id(record_id)
        if sobject is None:
            return None
        record = self.table(sobject).get(to18(record_id))
        return (sobject, record) if record is not None else None

    def get(self, sobject: str, record_id: str | None) -> Record | None:
        found = self.lookup(record_id) if record_id else None
        return found[1] if found and found[0] == sobject else None

    def trackers_of(self, target_id: str) -> list[Record]:
        table = self.table("ActionCadenceTracker")
        return [r for k in self._by_target.get(target_id, ()) if (r := table.get(k)) is not None]

    def active_tracker(self, target_id: str) -> Record | None:
        """The target's tracker still in progress (a target runs one cadence at a time)."""
        return next((t for t in self.trackers_of(target_id) if t["IsTrackerActive"]), None)

    def step_trackers_of(self, tracker_id: str) -> list[Record]:
        table = self.table("ActionCadenceStepTracker")
        keys = self._by_tracker.get(tracker_id, ())
        return [r for k in keys if (r := table.get(k)) is not None]

    def steps_of(self, cadence_id: str) -> list[Record]:
        """A cadence's steps in order (by day offset, then step name)."""
        table = self.table("ActionCadenceStep")
        steps = [r for k in self._steps.get(cadence_id, ()) if (r := table.get(k)) is not None]
        return sorted(steps, key=lambda s: (s["DayOffset"], s["StepName"]))

    def variants_of(self, step_id: str) -> list[Record]:
        table = self.table("ActionCadenceStepVariant")
        return [r for k in self._variants.get(step_id, ()) if (r := table.get(k)) is not None]

    def cadence_named(self, name: str) -> Record | None:
        key = self._cadence_names.get(name.casefold())
        return self.table("ActionCadence").get(key) if key else None

    # -- writing ---------------------------------------------------------------------------

    def new_id(self, sobject: str) -> str:
        prefix = OBJECTS[sobject].prefix
        key = f"idseq:{prefix}"
        n = int(self.store.meta(key, "0")) + 1
        self.store.set_meta(key, str(n))
        return make_id(prefix, n)

    def put(self, sobject: str, record: Record) -> Record:
        table = self.table(sobject)
        key = record["Id"]
        old = table.get(key)
        if self._undo is not None:
            self._undo.append((sobject, key, dict(old) if old is not None else None))
        table.put(key, record)
        self._index(sobject, record, old)
        return record

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Collect undo information; `rollback()` inside restores everything since entry."""
        outer = self._undo
        self._undo = []
        try:
            yield
        finally:
            self._undo = outer

    def savepoint(self) -> int:
        return len(self._undo or [])

    def rollback(self, savepoint: int = 0) -> None:
        undo = self._undo or []
        while len(undo) > savepoint:
            sobject, key, old = undo.pop()
            table = self.table(sobject)
            current = table.get(key)
            if old is None:
                table.delete(key)
                if current is not None:
                    self._unindex(sobject, current)
            else:
                table.put(key, old)
                self._index(sobject, old, current)

    # -- indexes ---------------------------------------------------------------------------

    def reindex(self) -> None:
        """Build every index from the tables (what `_index` keeps up to date afterwards)."""
        self._by_target = _group(self.rows("ActionCadenceTracker"), "TargetId")
        self._by_tracker = _group(self.rows("ActionCadenceStepTracker"), "ActionCadenceTrackerId")
        self._steps = _group(self.rows("ActionCadenceStep"), "ActionCadenceId")
        self._variants = _group(self.rows("ActionCadenceStepVariant"), "ActionCadenceStepId")
        self._cadence_names = {r["Name"].casefold(): r["Id"] for r in self.rows("ActionCadence")}

    def _index(self, sobject: str, record: Record, old: Record | None) -> None:
        if sobject == "ActionCadenceTracker" and old is None:
            self._by_target.setdefault(record["TargetId"], []).append(record["Id"])
        elif sobject == "ActionCadenceStepTracker" and old is None:
            self._by_tracker.setdefault(record["ActionCadenceTrackerId"], []).append(record["Id"])
        elif sobject == "ActionCadence":
            if old is not None:
                self._cadence_names.pop(old["Name"].casefold(), None)
            self._cadence_names[record["Name"].casefold()] = record["Id"]
        elif sobject == "ActionCadenceStep" and old is None:
            self._steps.setdefault(record["ActionCadenceId"], []).append(record["Id"])
        elif sobject == "ActionCadenceStepVariant" and old is None:
            self._variants.setdefault(record["ActionCadenceStepId"], []).append(record["Id"])

    def _unindex(self, sobject: str, record: Record) -> None:
        if sobject == "ActionCadenceTracker":
            self._by_target.get(record["TargetId"], []).remove(record["Id"])
        elif sobject == "ActionCadenceStepTracker":
            self._by_tracker.get(record["ActionCadenceTrackerId"], []).remove(record["Id"])
        elif sobject == "ActionCadence":
            self._cadence_names.pop(record["Name"].casefold(), None)


def _group(records: Iterable[Record], field: str) -> dict[str, list[str]]:
    """Record ids by the value of `field`, in table order."""
    out: dict[str, list[str]] = {}
    for record in records:
        out.setdefault(record[field], []).append(record["Id"])
    return out
