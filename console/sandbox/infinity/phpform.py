"""Reading form fields the way PHP does: `a[0][b][c]=1&a[0][d]=2` -> {"a": [{"b": {"c": "1"},
"d": "2"}]}.

The rules followed (those of PHP's own request parser):
- `name[key]` nests, `name[]` appends at the next integer index;
- a repeated key overwrites the earlier value (the last one wins), so a body that repeats
  `options[0][label]` keeps only the last label;
- an array whose keys are exactly 0..n-1 in order is a list, any other array an object;
- a name with an unclosed `[` is taken literally; nesting deeper than MAX_DEPTH is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

MAX_DEPTH = 32


class FormError(ValueError):
    """A body that cannot be read as PHP-style form fields."""


def split_key(key: str) -> tuple[str, list[str]]:
    """'a[0][b]' -> ('a', ['0', 'b']); 'a[]' -> ('a', ['']); 'a[0' -> ('a[0', [])."""
    start = key.find("[")
    if start <= 0:
        return key, []
    name, rest = key[:start], key[start:]
    subs: list[str] = []
    while rest.startswith("["):
        close = rest.find("]")
        if close < 0:
            return (key, []) if not subs else (name, subs)
        subs.append(rest[1:close])
        rest = rest[close + 1 :]
    return name, subs


def _next_index(node: dict[str, Any]) -> str:
    ints = [int(k) for k in node if k.isdigit() or (k.startswith("-") and k[1:].isdigit())]
    return str(max(ints) + 1 if ints else 0)


def parse_pairs(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Nest (key, value) pairs PHP-style; see the module docstring."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        name, subs = split_key(key)
        if len(subs) > MAX_DEPTH:
            raise FormError(f"{name} is nested too deeply")
        node, slot = root, name
        for sub in subs:
            child = node.get(slot)
            if not isinstance(child, dict):
                child = node[slot] = {}
            node = child
            slot = sub if sub != "" else _next_index(node)
        node[slot] = value
    return {k: _finish(v) for k, v in root.items()}


def _finish(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    done = {k: _finish(v) for k, v in value.items()}
    if list(done) == [str(i) for i in range(len(done))]:
        return list(done.values())
    return done
