"""Minting record ids the way Salesforce shapes them: prefix, pod, counter, checksum.

    003 8d 0 00000001K  + AAA   ->  0038d000000001KAAA   (18 characters)

The counter is base 62. Minting is table-driven (two-digit base-62 pieces and their
upper-case bits are precomputed), so generating hundreds of thousands of ids stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from console.vendors.salesforce.ids import checksum

POD = "8d"
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_PAIRS = [a + b for a in _DIGITS for b in _DIGITS]  # 62**2 two-digit pieces
_UPPER = [("A" <= p[0] <= "Z") | (("A" <= p[1] <= "Z") << 1) for p in _PAIRS]
_SMALL = 62**4


def base62(n: int, width: int) -> str:
    out = []
    while n:
        n, rem = divmod(n, 62)
        out.append(_DIGITS[rem])
    return "".join(reversed(out)).rjust(width, "0")


@cache
def _head(prefix: str) -> tuple[str, str]:
    """The constant first ten characters for small counters, and their two checksum chars."""
    head = f"{prefix}{POD}00000"
    return head, checksum(head + "00000")[:2]


def make_id(prefix: str, n: int) -> str:
    """The 18-character id number `n` of the object with this key prefix."""
    return minter(prefix)(n)


@cache
def minter(prefix: str) -> Callable[[int], str]:
    """`make_id` for one prefix, with its constant parts bound."""
    head, sums = _head(prefix)
    pairs, upper, suffix = _PAIRS, _UPPER, _SUFFIX

    def mint(n: int) -> str:
        if n >= _SMALL:
            return _large_id(prefix, n)
        hi, lo = divmod(n, 3844)
        # The last five characters are "0" + two pieces; bit 0 (the "0") is never upper-case.
        return f"{head}0{pairs[hi]}{pairs[lo]}{sums}{suffix[(upper[hi] << 1) | (upper[lo] << 3)]}"

    return mint


def counter(prefix: str, counts: dict[str, int]) -> Callable[[], str]:
    """A function minting the next id of `prefix`, counting in `counts[prefix]` (the data
    generator's hot path: the same ids as `make_id(prefix, counts[prefix] + 1)`)."""
    head, sums = _head(prefix)
    pairs, upper, suffix = _PAIRS, _UPPER, _SUFFIX

    def next_id() -> str:
        n = counts[prefix] = counts.get(prefix, 0) + 1
        if n >= _SMALL:
            return _large_id(prefix, n)
        hi, lo = divmod(n, 3844)
        return f"{head}0{pairs[hi]}{pairs[lo]}{sums}{suffix[(upper[hi] << 1) | (upper[lo] << 3)]}"

    return next_id


def _large_id(prefix: str, n: int) -> str:
    id15 = f"{prefix}{POD}0{base62(n, 9)}"
    return id15 + checksum(id15)
