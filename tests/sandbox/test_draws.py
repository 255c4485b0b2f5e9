"""The fast draws and timestamps give exactly what the slow forms give (common/draws.py)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from console.sandbox.common.draws import below, iso_at, picker, sf_stamp
from console.sandbox.common.fakedata import EPOCH, iso
from console.sandbox.salesforce.clock import sf_datetime
from console.sandbox.salesforce.ids import counter, make_id


@pytest.mark.parametrize("n", [1, 2, 3, 7, 100, 498, 587, 1000, 77_760_001, 2**32 + 5])
def test_below_is_randrange_and_leaves_the_same_state(n: int) -> None:
    fast, slow = random.Random("x"), random.Random("x")
    draw = below(fast, n)
    assert [draw() for _ in range(300)] == [slow.randrange(n) for _ in range(300)]
    assert fast.random() == slow.random()


def test_picker_is_choice_and_leaves_the_same_state() -> None:
    seq = tuple(f"w{i}" for i in range(37))
    fast, slow = random.Random(5), random.Random(5)
    pick = picker(fast, seq)
    assert [pick() for _ in range(500)] == [slow.choice(seq) for _ in range(500)]
    assert fast.getrandbits(64) == slow.getrandbits(64)


def test_a_random_subclass_falls_back_to_its_own_draws() -> None:
    class Counting(random.Random):
        def random(self) -> float:
            return 0.5

    assert below(Counting(1), 10)() == Counting(1).randrange(10)
    with pytest.raises(ValueError, match="empty"):
        below(random.Random(), 0)
    with pytest.raises(IndexError):
        picker(random.Random(), ())


def test_stamps_match_strftime_and_sf_datetime() -> None:
    rng = random.Random(3)
    base = int(EPOCH.timestamp())
    for _ in range(2000):
        t = base + rng.randint(-900 * 86400, 90 * 86400)
        moment = datetime.fromtimestamp(t, UTC)
        assert iso_at(t) == iso(moment)
        assert sf_stamp(t) == sf_datetime(moment)
    assert iso_at(base) == "2026-11-02T09:00:00Z"
    assert sf_stamp(base - 1) == sf_datetime(EPOCH - timedelta(seconds=1))


def test_id_counter_mints_make_id_in_sequence() -> None:
    counts: dict[str, int] = {"003": 3840}
    mint = counter("003", counts)
    assert [mint() for _ in range(10)] == [make_id("003", n) for n in range(3841, 3851)]
    assert counts["003"] == 3850
    big = counter("a0X", {"a0X": 62**4 - 2})
    assert [big(), big(), big()] == [make_id("a0X", 62**4 + d) for d in (-1, 0, 1)]
