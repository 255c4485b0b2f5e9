"""Keep secrets out of everything the console writes: journal, logs, errors, snapshots."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

MASK = "***"

_SECRET_KEY = re.compile(
    r"(pass(word)?|secret|token|api[_-]?key|authorization|app[_-]?token|session|assertion|"
    r"refresh|private[_-]?key|cookie)",
    re.IGNORECASE,
)


def is_secret_key(key: str) -> bool:
    return bool(_SECRET_KEY.search(key))


class Redactor:
    """Masks values under secret-looking keys, and any known secret value wherever it appears."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        # Only mask values long enough not to erase ordinary words.
        self._values = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def text(self, value: str) -> str:
        for secret in self._values:
            if secret in value:
                value = value.replace(secret, MASK)
        return value

    def data(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: (MASK if isinstance(k, str) and is_secret_key(k) and v else self.data(v))
                for k, v in value.items()
            }
        if isinstance(value, (list, tuple)):
            return [self.data(v) for v in value]
        if isinstance(value, str):
            return self.text(value)
        return value
