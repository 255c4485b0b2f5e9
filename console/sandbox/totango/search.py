"""The subset of Totango's account Search API the console uses: terms, fields, sort, paging."""

from __future__ import annotations

from typing import Any


def _value(account: dict[str, Any], term: dict[str, Any]) -> Any:
    if term.get("type") == "string_attribute":
        return account.get("attributes", {}).get(term.get("attribute") or term.get("term") or "")
    if term.get("type") == "health":
        return account.get("health")
    name = term.get("term") or ""
    if name in ("account_name", "name"):
        name = "display_name"
    if name in ("account_id", "id"):
        name = "account_id"
    return account.get(name)


def _matches(account: dict[str, Any], term: dict[str, Any]) -> bool:
    value = _value(account, term)
    text = "" if value is None else str(value)
    if term.get("eq") is not None:
        return text.lower() == str(term["eq"]).lower()
    if term.get("contains") is not None:
        return str(term["contains"]).lower() in text.lower()
    wanted = term.get("in_list") or term.get("is_one_of")
    if wanted is not None:
        return text.lower() in {str(w).lower() for w in wanted}
    raise ValueError(f"term {term.get('term') or term.get('type')!r} needs eq, contains or in_list")


def search_accounts(accounts: list[dict[str, Any]], query: Any) -> dict[str, Any]:
    if not isinstance(query, dict):
        raise ValueError("query must be a JSON object")
    if "terms" not in query:
        raise ValueError("query.terms is required")
    terms = query.get("terms") or []
    count = int(query.get("count", 1000))
    offset = int(query.get("offset", 0))
    if not 1 <= count <= 1000:
        raise ValueError("count must be between 1 and 1000")
    if offset < 0:
        raise ValueError("offset must not be negative")
    hits = [a for a in accounts if all(_matches(a, t) for t in terms)]
    sort_by = query.get("sort_by")
    if sort_by:
        probe = {"term": sort_by}
        hits.sort(
            key=lambda a: (str(_value(a, probe) or "")).lower(),
            reverse=str(query.get("sort_order", "ASC")).upper() == "DESC",
        )
    fields = query.get("fields") or []
    page = hits[offset : offset + count]
    return {
        "total_hits": len(hits),
        "hits": [
            {
                "name": a["account_id"],
                "display_name": a["display_name"],
                "selected_fields": [_value(a, f) for f in fields],
            }
            for a in page
        ],
    }
