"""The Infinity sandbox's seeded data: deterministic, realistic, and consistent at any scale."""

from __future__ import annotations

import string
from collections import Counter
from typing import Any

import pytest

from console.sandbox.infinity import Sandbox, data

CHECKSUM = string.ascii_uppercase + "012345"


def valid_sf_id(ident: str) -> bool:
    """An 18-character Salesforce id whose last three characters encode the case of the first 15."""
    if len(ident) != 18:
        return False
    for i in range(3):
        chunk = ident[i * 5 : i * 5 + 5]
        if CHECKSUM[sum(1 << j for j, c in enumerate(chunk) if c.isupper())] != ident[15 + i]:
            return False
    return True


def tables(sandbox: Sandbox) -> dict[str, list[dict[str, Any]]]:
    return {name: table.values() for name, table in sandbox.store.tables().items()}


def check_invariants(t: dict[str, list[dict[str, Any]]]) -> None:
    igrps = {g["igrp"]: g for g in t["igrps"]}
    ids = [b["sfButtonId"] for b in t["buttons"]]
    assert ids == list(range(1, len(ids) + 1))
    per_rating = Counter((b["igrp"], b["callRating"]) for b in t["buttons"])
    assert max(per_rating.values()) == 1  # one button per call rating
    texts = Counter((r["igrp"], r["itemText"]) for r in t["ratings"])
    assert max(texts.values()) == 1
    assert set(per_rating) <= set(texts)
    for rating in t["ratings"]:
        assert rating["isUsed"] == int((rating["igrp"], rating["itemText"]) in per_rating)
    defaults = Counter(b["igrp"] for b in t["buttons"] if b["isDefaultButton"])
    assert set(defaults.values()) <= {1}
    assert all(b["buttonAction"] == "logCall" for b in t["buttons"] if b["isDefaultButton"])
    for button in t["buttons"]:
        assert igrps[button["igrp"]]["sfOrgRef"] == button["sfOrgRef"] != ""
    assert all(valid_sf_id(g["sfOrgRef"]) for g in igrps.values() if g["sfOrgRef"])


def test_same_seed_same_data_and_another_seed_differs() -> None:
    first, again, other = Sandbox(seed=0), Sandbox(seed=0), Sandbox(seed=7)
    assert tables(first) == tables(again)
    assert tables(first)["igrps"] != tables(other)["igrps"]


def test_default_scale_has_what_the_console_and_tests_need() -> None:
    t = tables(Sandbox(seed=0))
    check_invariants(t)
    assert [bool(g["sfOrgRef"]) for g in t["igrps"]] == [True, True, False, True]
    demo = t["igrps"][0]["igrp"]
    ratings = [r for r in t["ratings"] if r["igrp"] == demo]
    buttons = [b for b in t["buttons"] if b["igrp"] == demo]
    assert [r["itemText"] for r in ratings] == list(data.DEMO_RATINGS)
    assert [r["itemText"] for r in ratings if not r["isUsed"]] == [
        "Spam",
        "Order status",
        "Test call",
    ]
    assert {b["buttonAction"] for b in buttons} == {"prompt", "rateCall", "logCall", "createLead"}
    params = [p for b in buttons if isinstance(b["actionParams"], list) for p in b["actionParams"]]
    assert {p.get("type", "fixed") for p in params} == {"fixed", "dropdown"}
    assert any(isinstance(b["actionParams"], dict) for b in buttons)  # the older flat form
    (default,) = [b for b in buttons if b["isDefaultButton"]]
    assert default["buttonAction"] == "logCall"
    for igrp in t["igrps"]:
        count = sum(1 for r in t["ratings"] if r["igrp"] == igrp["igrp"])
        assert 10 <= count <= 15 or igrp["igrp"] == demo


@pytest.mark.parametrize(("scale", "igrps", "demo_ratings"), [(3, 12, 42), (200, 800, 2800)])
def test_scale_multiplies_installations_and_the_demo_ratings(
    scale: float, igrps: int, demo_ratings: int
) -> None:
    t = tables(Sandbox(seed=0, scale=scale))
    check_invariants(t)
    assert len(t["igrps"]) == igrps
    assert sum(1 for g in t["igrps"] if not g["sfOrgRef"]) == igrps // 4
    demo = t["igrps"][0]["igrp"]
    assert sum(1 for r in t["ratings"] if r["igrp"] == demo) == demo_ratings


def test_demo_config_names_a_linked_installation() -> None:
    sandbox = Sandbox(seed=0)
    config = sandbox.demo_config("http://127.0.0.1:9")
    assert set(config) == {"base_url", "username", "password", "api_key", "igrp"}
    assert sandbox.store.table("igrps").get(config["igrp"])["sfOrgRef"]  # type: ignore[index]
