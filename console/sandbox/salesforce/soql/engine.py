"""Running a parsed query against the org: names resolved against the schema, filters compiled
into predicates once, rows sorted and cut, and records shaped as the REST API returns them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from console.sandbox.salesforce.schema import (
    NAME_OBJECT_FIELDS,
    STRING_TYPES,
    FieldDef,
    ObjectDef,
    object_named,
)
from console.sandbox.salesforce.soql.errors import SoqlError, malformed
from console.sandbox.salesforce.soql.lexer import StringValue
from console.sandbox.salesforce.soql.literals import coerce, date_range
from console.sandbox.salesforce.soql.parser import (
    Compare,
    Expr,
    FieldRef,
    In,
    Like,
    Literal,
    Logic,
    Not,
    Query,
)

Record = dict[str, Any]
Predicate = Callable[[Record], bool]
MAX_OFFSET = 2000


class Source(Protocol):
    """Where a query reads: every row of an object, and any record by id."""

    def rows(self, sobject: str) -> Iterable[Record]: ...

    def lookup(self, record_id: str) -> tuple[str, Record] | None: ...


@dataclass(frozen=True, slots=True)
class Resolved:
    """A field path checked against the schema, with how to read it from a row."""

    ref: FieldRef
    names: tuple[str, ...]  # canonical relationship names, then the field name
    rels: tuple[FieldDef, ...]  # the reference fields walked to get there
    final: FieldDef
    via_name_object: bool  # reached through a polymorphic relationship

    def read(self, record: Record, source: Source) -> Any:
        current: Record | None = record
        sobject = ""
        for rel in self.rels:
            ref = current.get(rel.name) if current else None
            found = source.lookup(ref) if ref else None
            if found is None:
                return None
            sobject, current = found
        assert current is not None
        if self.via_name_object:
            return _name_field(sobject, current, self.final.name)
        return current.get(self.final.name)


def _name_field(sobject: str, record: Record, name: str) -> Any:
    if name == "Type":
        return sobject
    if name == "Email" and "Email" not in record:
        return record.get("PersonEmail")
    return record.get(name)


def _name_object_field(name: str, ref: FieldRef, query: str) -> FieldDef:
    for known in NAME_OBJECT_FIELDS:
        if known.lower() == name.lower():
            kind = {"Id": "id", "Email": "email", "Phone": "phone"}.get(known, "string")
            return FieldDef(known, kind, known)
    raise _no_column(name, "Name", ref, query)


def _no_column(name: str, sobject: str, ref: FieldRef, query: str) -> SoqlError:
    return SoqlError(
        "INVALID_FIELD",
        f"No such column '{name}' on entity '{sobject}'. If you are attempting to use a custom "
        "field, be sure to append the '__c' after the custom field name. Please reference your "
        "WSDL or the describe call for the appropriate names.",
        query,
        ref.offset,
    )


def resolve(obj: ObjectDef, ref: FieldRef, query: str) -> Resolved:
    names: list[str] = []
    rels: list[FieldDef] = []
    current = obj
    *hops, last = ref.path
    for i, hop in enumerate(hops):
        rel = current.relationship(hop)
        if rel is None:
            raise SoqlError(
                "INVALID_FIELD",
                f"Didn't understand relationship '{hop}' in field path. If you are attempting "
                "to use a custom relationship, be sure to append the '__r' after the custom "
                "relationship name. Please reference your WSDL or the describe call for the "
                "appropriate names.",
                query,
                ref.offset,
            )
        assert rel.relationship is not None
        names.append(rel.relationship)
        rels.append(rel)
        if rel.polymorphic:
            if i != len(hops) - 1:
                raise _no_column(hops[i + 1], "Name", ref, query)
            final = _name_object_field(last, ref, query)
            return Resolved(ref, (*names, final.name), tuple(rels), final, True)
        nxt = object_named(rel.reference_to[0])
        assert nxt is not None
        current = nxt
    found = current.field(last)
    if found is None:
        raise _no_column(last, current.name, ref, query)
    return Resolved(ref, (*names, found.name), tuple(rels), found, False)


def _norm(final: FieldDef) -> Callable[[Any], Any]:
    if final.type in STRING_TYPES:
        return lambda v: v.casefold() if isinstance(v, str) else v
    return lambda v: v


class Plan:
    """A checked query, ready to run."""

    def __init__(self, query: Query, source: Source, now: datetime | None = None) -> None:
        self.query = query
        self.source = source
        self.now = now or datetime.now(UTC)
        obj = object_named(query.sobject)
        if obj is None:
            raise SoqlError(
                "INVALID_TYPE",
                f"sObject type '{query.sobject}' is not supported. If you are attempting to use "
                "a custom object, be sure to append the '__c' after the entity name. Please "
                "reference your WSDL or the describe call for the appropriate names.",
                query.text,
                query.sobject_offset,
            )
        self.obj = obj
        self.columns = [resolve(obj, ref, query.text) for ref in query.fields]
        seen: set[tuple[str, ...]] = set()
        for col in self.columns:
            key = tuple(n.lower() for n in col.names)
            if key in seen:
                raise malformed(
                    f"duplicate field selected: {'.'.join(col.names)}", col.ref.offset, query.text
                )
            seen.add(key)
        self.predicate = self._compile(query.where) if query.where else None
        self.order = [(resolve(obj, o.field, query.text), o) for o in query.order]
        if query.offset is not None and query.offset > MAX_OFFSET:
            raise SoqlError(
                "NUMBER_OUTSIDE_VALID_RANGE",
                f"Maximum SOQL offset allowed is {MAX_OFFSET}",
                query.text,
                query.offset_at,
            )

    # -- running ---------------------------------------------------------------------------

    def run(self) -> list[Record]:
        rows = list(self.source.rows(self.obj.name))
        if self.predicate is not None:
            rows = [r for r in rows if self.predicate(r)]
        for col, order in reversed(self.order):
            norm = _norm(col.final)
            values = {id(r): col.read(r, self.source) for r in rows}
            present = [r for r in rows if values[id(r)] is not None]
            missing = [r for r in rows if values[id(r)] is None]
            present.sort(key=lambda r: norm(values[id(r)]), reverse=order.descending)
            rows = present + missing if order.nulls_last else missing + present
        start = self.query.offset or 0
        end = start + self.query.limit if self.query.limit is not None else None
        return rows[start:end]

    def project(self, record: Record, version: str) -> Record:
        out: Record = {"attributes": attributes(self.obj.name, record, version)}
        for col in self.columns:
            target = out
            current: Record | None = record
            sobject = self.obj.name
            for rel, name in zip(col.rels, col.names, strict=False):
                ref = current.get(rel.name) if current is not None else None
                found = self.source.lookup(ref) if ref else None
                if found is None:
                    target.setdefault(name, None)
                    current = None
                    break
                sobject, current = found
                nested = target.get(name)
                if not isinstance(nested, dict):
                    nested = {"attributes": attributes(sobject, current, version)}
                    target[name] = nested
                target = nested
            if current is None:
                continue
            if col.via_name_object:
                target[col.final.name] = _name_field(sobject, current, col.final.name)
            else:
                target[col.final.name] = current.get(col.final.name)
        return out

    # -- compiling filters -------------------------------------------------------------------

    def _compile(self, expr: Expr) -> Predicate:
        if isinstance(expr, Logic):
            parts = [self._compile(e) for e in expr.items]
            if expr.op == "AND":
                return lambda r: all(p(r) for p in parts)
            return lambda r: any(p(r) for p in parts)
        if isinstance(expr, Not):
            inner = self._compile(expr.expr)
            return lambda r: not inner(r)
        col = resolve(self.obj, expr.field, self.query.text)
        if isinstance(expr, Like):
            return self._like(col, expr.pattern)
        if isinstance(expr, In):
            return self._in(col, expr)
        return self._compare(col, expr)

    def _read(self, col: Resolved) -> Callable[[Record], Any]:
        norm, source = _norm(col.final), self.source
        if not col.rels:
            name = col.final.name
            return lambda r: norm(r.get(name))
        return lambda r: norm(col.read(r, source))

    def _compare(self, col: Resolved, expr: Compare) -> Predicate:
        read, op, lit = self._read(col), expr.op, expr.value
        if lit.kind == "null":
            if op not in ("=", "!="):
                raise malformed(f"unexpected token: '{op}'", lit.offset, self.query.text)
            return (lambda r: read(r) is None) if op == "=" else (lambda r: read(r) is not None)
        if lit.kind == "dateliteral":
            lo, hi = date_range(lit, col.final, self.now, self.query.text)
            return _range_predicate(read, op, lo, hi)
        want = _norm(col.final)(coerce(lit, col.final, self.query.text))
        checks: dict[str, Callable[[Any], bool]] = {
            "=": lambda v: v is not None and v == want,
            "!=": lambda v: v is None or v != want,
            "<": lambda v: v is not None and v < want,
            ">": lambda v: v is not None and v > want,
            "<=": lambda v: v is not None and v <= want,
            ">=": lambda v: v is not None and v >= want,
        }
        check = checks[op]
        return lambda r: check(read(r))

    def _in(self, col: Resolved, expr: In) -> Predicate:
        read, norm = self._read(col), _norm(col.final)
        wanted = {norm(coerce(v, col.final, self.query.text)) for v in expr.values}
        if expr.negate:
            return lambda r: read(r) not in wanted
        return lambda r: read(r) in wanted

    def _like(self, col: Resolved, pattern: Literal) -> Predicate:
        if col.final.type not in STRING_TYPES:
            raise SoqlError(
                "INVALID_QUERY_FILTER_OPERATOR",
                f"invalid operator on field: {col.final.name}",
                self.query.text,
                col.ref.offset,
            )
        value = pattern.value
        assert isinstance(value, StringValue)
        regex = re.compile(_like_regex(value), re.IGNORECASE | re.DOTALL)
        read = self._read(col)
        return lambda r: isinstance(v := read(r), str) and regex.fullmatch(v) is not None


def _like_regex(value: StringValue) -> str:
    out = []
    for i, char in enumerate(value.text):
        if i in value.escaped:
            out.append(re.escape(char))
        elif char == "%":
            out.append(".*")
        elif char == "_":
            out.append(".")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _range_predicate(read: Callable[[Record], Any], op: str, lo: str, hi: str) -> Predicate:
    checks: dict[str, Callable[[Any], bool]] = {
        "=": lambda v: lo <= v < hi,
        "!=": lambda v: not lo <= v < hi,
        "<": lambda v: v < lo,
        ">": lambda v: v >= hi,
        "<=": lambda v: v < hi,
        ">=": lambda v: v >= lo,
    }
    check = checks[op]

    def predicate(record: Record) -> bool:
        value = read(record)
        if value is None:
            return op == "!="
        return check(value)

    return predicate


def attributes(sobject: str, record: Record, version: str) -> dict[str, str]:
    return {"type": sobject, "url": f"/services/data/v{version}/sobjects/{sobject}/{record['Id']}"}


def plan(query: Query, source: Source, now: datetime | None = None) -> Plan:
    return Plan(query, source, now)
