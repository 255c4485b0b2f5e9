"""Salesforce record ids: 15-character (case-sensitive) and 18-character (checksummed) forms.

An id's first three characters are its object's key prefix (003 Contact, 00Q Lead, ...). The
18-character form appends three characters that encode which of the first fifteen are
upper-case letters, so the id survives case-insensitive systems; both forms name one record.
"""

from __future__ import annotations

import re
from typing import Final

ID_PATTERN: Final = re.compile(r"^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$")
_SUFFIX_ALPHABET: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"

# Key prefixes the seeds and VENDORS.md name, plus the standard objects around cadences.
PREFIXES: Final[dict[str, str]] = {
    "User": "005",
    "Account": "001",
    "Contact": "003",
    "Lead": "00Q",
    "Opportunity": "006",
    "EmailTemplate": "00X",
    "Organization": "00D",
    "Quote": "0Q0",
    "QuoteLineItem": "0QL",
    "ActionCadence": "77C",
    "ActionCadenceTracker": "0qB",
    "ActionCadenceStepTracker": "8HF",
}

# Objects a cadence can target (a person account is an Account).
TARGET_OBJECTS: Final = ("Contact", "Lead", "Account")


def checksum(id15: str) -> str:
    """The three characters that turn a 15-character id into its 18-character form."""
    out = []
    for start in (0, 5, 10):
        bits = 0
        for i, char in enumerate(id15[start : start + 5]):
            if "A" <= char <= "Z":
                bits |= 1 << i
        out.append(_SUFFIX_ALPHABET[bits])
    return "".join(out)


def is_valid(value: str) -> bool:
    """Whether `value` is a well-formed 15- or 18-character id (the checksum must match)."""
    if not ID_PATTERN.match(value):
        return False
    return len(value) == 15 or checksum(value[:15]) == value[15:].upper()


def to18(value: str) -> str:
    """The 18-character form of a valid id (an 18-character id is returned as given)."""
    if not is_valid(value):
        raise ValueError(f"{value!r} is not a valid Salesforce id")
    return value if len(value) == 18 else value + checksum(value)


def prefix_of(value: str) -> str:
    return value[:3]


def object_for_prefix(prefix: str) -> str | None:
    for name, known in PREFIXES.items():
        if known == prefix:
            return name
    return None


def check_id(value: str, *objects: str) -> str:
    """Validate an id (optionally of one of `objects`) and return it unchanged.

    Raises ValueError with a message fit for a form field.
    """
    if not is_valid(value):
        raise ValueError(
            "must be a Salesforce id: 15 or 18 letters and digits (18-character ids end in a "
            "checksum of capital letters and digits 0-5)"
        )
    if objects:
        wanted = {PREFIXES[o] for o in objects if o in PREFIXES}
        if wanted and prefix_of(value) not in wanted:
            names = " or ".join(objects)
            starts = ", ".join(sorted(wanted))
            raise ValueError(f"must be the id of a {names} (ids starting {starts})")
    return value
