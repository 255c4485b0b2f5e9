"""Salesforce's wire formats for time: `2026-11-02T09:00:00.000+0000` and `2026-11-02`.

Stored records keep these strings; in one format and in UTC they sort and compare as text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from console.sandbox.common.draws import sf_stamp


def sf_datetime(moment: datetime) -> str:
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="milliseconds")[:23] + "+0000"


def sf_date(day: date) -> str:
    return day.isoformat()


def now() -> datetime:
    return datetime.now(UTC)


def now_text() -> str:
    return sf_datetime(now())


def parse_datetime(text: str) -> datetime:
    """An ISO 8601 date-time as Salesforce accepts it (Z, +00:00 or +0000 zones)."""
    value = text.strip().replace("Z", "+00:00")
    if len(value) > 5 and value[-5] in "+-" and value[-3] != ":":
        value = value[:-2] + ":" + value[-2:]
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# `sf_datetime` of a Unix time in whole seconds, from cached day and time-of-day parts (the
# data generator formats hundreds of thousands of these).
stamp = sf_stamp
