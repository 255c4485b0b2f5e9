"""The seeded org: same seed, same data; every tracker coherent with its step trackers."""

from __future__ import annotations

from collections import Counter
from typing import Any

from console.sandbox.common.store import Store
from console.sandbox.salesforce import Sandbox
from console.sandbox.salesforce.data import generate
from console.vendors.salesforce.ids import is_valid

Tables = dict[str, list[tuple[str, dict[str, Any]]]]


def _tables(seed: int = 0, scale: float = 1.0) -> Tables:
    tables, _ = generate(seed, lambda n: max(1, round(n * scale)))
    return tables


def test_same_seed_same_org_and_another_seed_differs() -> None:
    assert _tables(0) == _tables(0)
    assert _tables(0)["Contact"] != _tables(1)["Contact"]


def test_counts_and_variety() -> None:
    tables = _tables()
    users = [r for _, r in tables["User"]]
    assert len(users) == 12
    assert sum(not u["IsActive"] for u in users) == 1
    cadences = [r for _, r in tables["ActionCadence"]]
    assert len(cadences) >= 6
    assert {c["State"] for c in cadences} == {"Active", "Draft", "Inactive"}
    assert {c["Type"] for c in cadences} == {"Standard", "Quick"}
    steps = Counter(r["ActionCadenceId"] for _, r in tables["ActionCadenceStep"])
    assert all(4 <= n <= 8 for n in steps.values())
    states = Counter(r["State"] for _, r in tables["ActionCadenceTracker"])
    assert set(states) == {"Running", "Paused", "Complete", "Error", "Initializing", "Processing"}
    reasons = {r["CompletionReason"] for _, r in tables["ActionCadenceTracker"]} - {None}
    assert {"NoMoreSteps", "ManuallyRemoved", "LeadConverted"} <= reasons
    targets = Counter(r["TargetId"][:3] for _, r in tables["ActionCadenceTracker"])
    assert set(targets) == {"003", "00Q", "001"}
    assert any(g["RecipientCount"] == 0 for _, g in tables["RecipientGroup"])
    assert any(q["ParentQuoteLineItemId"] for _, q in tables["QuoteLineItem"])
    every_id = [key for rows in tables.values() for key, _ in rows]
    assert len(every_id) == len(set(every_id))
    assert all(is_valid(k) and len(k) == 18 for k in every_id)


def test_trackers_agree_with_their_step_trackers_and_cadences() -> None:
    tables = _tables(seed=5)
    steps = {k: r for k, r in tables["ActionCadenceStepTracker"]}
    by_tracker: dict[str, list[dict[str, Any]]] = {}
    for record in steps.values():
        by_tracker.setdefault(record["ActionCadenceTrackerId"], []).append(record)
    active = Counter()
    for key, tracker in tables["ActionCadenceTracker"]:
        mine = by_tracker.get(key, [])
        assert tracker["IsTrackerActive"] == (tracker["State"] != "Complete")
        if tracker["IsTrackerActive"]:
            active[tracker["ActionCadenceId"]] += 1
        current = steps.get(tracker["CurrentStepId"]) if tracker["CurrentStepId"] else None
        if tracker["State"] in ("Running", "Paused", "Error", "Processing"):
            assert current is not None
            assert current["ActionCadenceTrackerId"] == key
            wanted = {
                "Paused": {"Paused"},
                "Error": {"Error"},
                "Processing": {"InProgress"},
                "Running": {"Active", "Scheduled", "Queued"},
            }[tracker["State"]]
            assert current["State"] in wanted
            assert sum(s["State"] not in ("Completed",) for s in mine) == 1
        elif tracker["State"] == "Initializing":
            assert mine == []
            assert current is None
        else:
            assert current is None
            if tracker["CompletionReason"] == "NoMoreSteps":
                assert mine
                assert all(s["State"] == "Completed" for s in mine)
        if tracker["LastCompletedStepId"]:
            assert steps[tracker["LastCompletedStepId"]]["State"] == "Completed"
    for _, cadence in tables["ActionCadence"]:
        assert cadence["ActiveTargets"] == active[cadence["Id"]]


def test_one_active_tracker_per_target() -> None:
    tables = _tables(seed=2)
    active = Counter(
        r["TargetId"] for _, r in tables["ActionCadenceTracker"] if r["IsTrackerActive"]
    )
    assert max(active.values()) == 1


def test_state_file_round_trip(tmp_path: Any) -> None:
    path = tmp_path / "org.sqlite3"
    first = Sandbox(seed=4, store=Store("salesforce", path))
    tracker = next(iter(first.store.table("ActionCadenceTracker")))
    first.org.put("ActionCadenceTracker", {**tracker, "State": "Paused"})
    minted = first.org.new_id("ActionCadenceTracker")
    first.store.close()
    again = Sandbox(seed=4, store=Store("salesforce", path))
    assert again.store.table("ActionCadenceTracker").get(tracker["Id"])["State"] == "Paused"
    assert again.org.active_tracker(tracker["TargetId"]) is not None
    assert again.org.new_id("ActionCadenceTracker") > minted  # counters survive
    assert again.oauth.session_user(f"Bearer {first.demo_config('x')['access_token']}")
    again.store.close()
