"""Per-resource rules the generic spec cannot say: defaults, derived fields, cross-field checks.

contacts  an individual needs last_name, an organization needs name; name of an
          individual is derived; contact_id must name an organization; is_organization
          is fixed at creation; billing/shipping addresses show only for customers or
          prospects
leads     last_name unless organization_name
deals     stage defaults to the first stage of the default pipeline; organization_id
          follows the contact; a stage change stamps last_stage_change_at
notes     the resource they are attached to must exist
tasks     resource_type and resource_id go together (none = a floating task);
          completing stamps completed_at; `overdue` is computed when read
orders    one order per deal
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from console.sandbox.common.store import Store
from console.sandbox.zendesk_sell.envelope import Problem, ZendeskError
from console.sandbox.zendesk_sell.validate import problem

Record = dict[str, Any]
ADDRESS_FIELDS = ("address", "billing_address", "shipping_address")
SOCIAL = ("website", "email", "phone", "mobile", "fax", "twitter", "facebook", "linkedin", "skype")
STAMPS = ("created_at", "updated_at")
RESOURCE_TABLES = {"lead": "leads", "contact": "contacts", "deal": "deals"}

TEMPLATES: dict[str, Record] = {
    "contacts": {
        "id": None,
        "creator_id": None,
        "owner_id": None,
        "is_organization": False,
        "contact_id": None,
        "parent_organization_id": None,
        "name": None,
        "first_name": None,
        "last_name": None,
        "customer_status": "none",
        "prospect_status": "none",
        "title": None,
        "description": None,
        "industry": None,
        **dict.fromkeys(SOCIAL),
        **dict.fromkeys(ADDRESS_FIELDS),
        "tags": [],
        "custom_fields": {},
        **dict.fromkeys(STAMPS),
    },
    "deals": {
        "id": None,
        "creator_id": None,
        "owner_id": None,
        "name": None,
        "value": "0.00",
        "currency": None,
        "hot": False,
        "stage_id": None,
        "source_id": None,
        "loss_reason_id": None,
        "unqualified_reason_id": None,
        "contact_id": None,
        "organization_id": None,
        "estimated_close_date": None,
        "customized_win_likelihood": None,
        "added_at": None,
        "last_stage_change_at": None,
        "last_stage_change_by_id": None,
        "last_activity_at": None,
        "dropbox_email": None,
        "tags": [],
        "custom_fields": {},
        **dict.fromkeys(STAMPS),
    },
    "leads": {
        "id": None,
        "creator_id": None,
        "owner_id": None,
        "first_name": None,
        "last_name": None,
        "organization_name": None,
        "status": "New",
        "source_id": None,
        "unqualified_reason_id": None,
        "title": None,
        "description": None,
        "industry": None,
        **dict.fromkeys(SOCIAL),
        "address": None,
        "tags": [],
        "custom_fields": {},
        **dict.fromkeys(STAMPS),
    },
    "notes": {
        "id": None,
        "creator_id": None,
        "resource_type": None,
        "resource_id": None,
        "content": None,
        "is_important": False,
        "type": "regular",
        "tags": [],
        **dict.fromkeys(STAMPS),
    },
    "tasks": {
        "id": None,
        "creator_id": None,
        "owner_id": None,
        "resource_type": None,
        "resource_id": None,
        "content": None,
        "due_date": None,
        "remind_at": None,
        "completed": False,
        "completed_at": None,
        **dict.fromkeys(STAMPS),
    },
    "orders": {"id": None, "deal_id": None, "discount": 0, **dict.fromkeys(STAMPS)},
    "line_items": {
        "id": None,
        "order_id": None,
        "product_id": None,
        "name": None,
        "sku": None,
        "description": None,
        "value": None,
        "price": None,
        "variation": "0.00",
        "currency": None,
        "quantity": 1,
        **dict.fromkeys(STAMPS),
    },
    "products": {
        "id": None,
        "name": None,
        "description": None,
        "sku": None,
        "active": True,
        "cost": None,
        "cost_currency": None,
        "prices": [],
        "max_discount": None,
        "max_markup": None,
        **dict.fromkeys(STAMPS),
        "deleted_at": None,
    },
    "associated_contacts": {"contact_id": None, "role": "involved", **dict.fromkeys(STAMPS)},
}
NAMED = {"id": None, "creator_id": None, "name": None, **dict.fromkeys(STAMPS)}


def template(name: str, typed: bool) -> Record:
    base = TEMPLATES.get(name)
    if base is None:
        base = {**NAMED, "resource_type": None} if typed else dict(NAMED)
    return {
        k: (list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v)
        for k, v in base.items()
    }


def is_overdue(task: Record, now: str) -> bool:
    due = task.get("due_date")
    return bool(due) and not task.get("completed") and str(due) < now


def render(name: str, record: Record, now: str) -> Record:
    """A stored record as the API shows it."""
    out = {k: v for k, v in record.items() if not k.startswith("_")}
    if name == "tasks":
        out["overdue"] = is_overdue(record, now)
        if out.get("resource_type") is None:
            out.pop("resource_type", None)
            out.pop("resource_id", None)
    elif name == "contacts" and out.get("customer_status") == out.get("prospect_status") == "none":
        out["billing_address"] = None
        out["shipping_address"] = None
    return out


class Rules:
    """Cross-field checks and derived values, applied after attribute validation."""

    def __init__(self, store: Store, *, currency: Callable[[], str], now: Callable[[], str]):
        self.store = store
        self.currency = currency
        self.now = now

    def _get(self, table: str, ident: Any) -> Record | None:
        return self.store.table(table).get(ident) if isinstance(ident, int) else None

    def apply(self, name: str, merged: Record, old: Record | None, user_id: int) -> None:
        """Check `merged` (the record as it would be) and fill what follows from it."""
        method: Callable[[Record, Record | None, int], list[Problem]] | None = getattr(
            self, f"_{name}", None
        )
        problems = method(merged, old, user_id) if method else []
        if problems:
            raise ZendeskError(422, problems)

    def _contacts(self, rec: Record, old: Record | None, user_id: int) -> list[Problem]:
        out: list[Problem] = []
        if rec["is_organization"]:
            if not (rec.get("name") or "").strip():
                out.append(
                    problem("missing", "name", "name is required for an organization", "contact")
                )
            rec["first_name"] = rec["last_name"] = rec["contact_id"] = None
            parent = rec.get("parent_organization_id")
            if parent is not None:
                target = self._get("contacts", parent)
                if target is None or not target["is_organization"] or parent == rec.get("id"):
                    out.append(
                        problem(
                            "incorrect_value",
                            "parent_organization_id",
                            "the parent must be another organization",
                            "contact",
                        )
                    )
        else:
            if not (rec.get("last_name") or "").strip():
                out.append(
                    problem(
                        "missing", "last_name", "last_name is required for an individual", "contact"
                    )
                )
            if rec.get("parent_organization_id") is not None:
                out.append(
                    problem(
                        "incorrect_value",
                        "parent_organization_id",
                        "only an organization can have a parent organization",
                        "contact",
                    )
                )
            org = rec.get("contact_id")
            if org is not None:
                target = self._get("contacts", org)
                if target is None or not target["is_organization"]:
                    out.append(
                        problem(
                            "incorrect_value",
                            "contact_id",
                            "contact_id must be an organization",
                            "contact",
                        )
                    )
            rec["name"] = " ".join(p for p in (rec.get("first_name"), rec.get("last_name")) if p)
        return out

    def _leads(self, rec: Record, old: Record | None, user_id: int) -> list[Problem]:
        if (rec.get("last_name") or "").strip() or (rec.get("organization_name") or "").strip():
            return []
        return [
            problem(
                "missing",
                "last_name",
                "last_name is required unless organization_name is given",
                "lead",
            )
        ]

    def _deals(self, rec: Record, old: Record | None, user_id: int) -> list[Problem]:
        now = self.now()
        if rec.get("stage_id") is None:
            rec["stage_id"] = self.default_stage()
        rec["currency"] = rec.get("currency") or self.currency()
        contact = self._get("contacts", rec.get("contact_id"))
        if contact is not None:
            rec["organization_id"] = (
                contact["id"] if contact["is_organization"] else contact.get("contact_id")
            )
        if old is None:
            rec["last_stage_change_at"] = rec.get("last_stage_change_at") or now
            rec["last_stage_change_by_id"] = user_id
        elif old.get("stage_id") != rec["stage_id"]:
            if rec.get("last_stage_change_at") == old.get("last_stage_change_at"):
                rec["last_stage_change_at"] = now
            rec["last_stage_change_by_id"] = user_id
        rec["added_at"] = rec.get("added_at") or now
        rec["last_activity_at"] = now
        return []

    @staticmethod
    def created(name: str, rec: Record) -> None:
        """What needs the new record's id."""
        if name == "deals":
            rec["dropbox_email"] = f"dropbox+{rec['id']}@deals.sandbox.invalid"

    def default_stage(self) -> int | None:
        pipelines = sorted(self.store.table("pipelines").rows)
        if not pipelines:
            return None
        stages = [s for s in self.store.table("stages") if s["pipeline_id"] == pipelines[0]]
        return min(stages, key=lambda s: s["position"])["id"] if stages else None

    def _notes(self, rec: Record, old: Record | None, user_id: int) -> list[Problem]:
        table = RESOURCE_TABLES.get(str(rec.get("resource_type")))
        if table and self._get(table, rec.get("resource_id")) is None:
            return [
                problem(
                    "incorrect_value",
                    "resource_id",
                    f"there is no {rec['resource_type']} with this id",
                    "note",
                )
            ]
        return []

    def _tasks(self, rec: Record, old: Record | None, user_id: int) -> list[Problem]:
        kind, ident = rec.get("resource_type"), rec.get("resource_id")
        if (kind is None) != (ident is None):
            missing = "resource_id" if ident is None else "resource_type"
            return [
                problem(
                    "missing", missing, "resource_type and resource_id are given together", "task"
                )
            ]
        if kind is not None and self._get(RESOURCE_TABLES[kind], ident) is None:
            return [
                problem(
                    "incorrect_value", "resource_id", f"there is no {kind} with this id", "task"
                )
            ]
        if rec.get("completed") and not rec.get("completed_at"):
            rec["completed_at"] = self.now()
        elif not rec.get("completed"):
            rec["completed_at"] = None
        return []

    def _orders(self, rec: Record, old: Record | None, user_id: int) -> list[Problem]:
        if old is None and any(o["deal_id"] == rec["deal_id"] for o in self.store.table("orders")):
            return [problem("already_exists", "deal_id", "this deal already has an order", "order")]
        return []

    def line_item(self, rec: Record, order: Record) -> None:
        """Fill a new line item from its product and the deal's currency."""
        product = self._get("products", rec["product_id"])
        assert product is not None  # the spec checked the reference
        deal = self._get("deals", order["deal_id"])
        rec["currency"] = rec.get("currency") or (deal or {}).get("currency") or self.currency()
        price = next(
            (p["amount"] for p in product["prices"] if p["currency"] == rec["currency"]), None
        )
        if price is None:
            raise ZendeskError(
                422,
                [
                    problem(
                        "incorrect_value",
                        "currency",
                        f"the product has no price in {rec['currency']}",
                        "line_item",
                    )
                ],
            )
        variation = Decimal(rec.get("variation") or "0")
        if rec.get("value") is None:
            rec["value"] = f"{(Decimal(price) * (1 + variation / 100)).quantize(Decimal('0.01')):f}"
        rec.update(
            price=price,
            name=product["name"],
            sku=product["sku"],
            description=product["description"],
            order_id=order["id"],
        )


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
