"""The sandbox's SOQL parser and evaluator, on a tiny in-memory org (no HTTP)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from console.sandbox.salesforce.clock import sf_datetime
from console.sandbox.salesforce.ids import make_id
from console.sandbox.salesforce.soql import SoqlError, parse, plan
from console.sandbox.salesforce.soql.parser import Logic, Not

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
U1, U2 = make_id("005", 1), make_id("005", 2)
C1, C2, C3 = make_id("003", 1), make_id("003", 2), make_id("003", 3)
L1 = make_id("00Q", 1)


def _rec(**fields: Any) -> dict[str, Any]:
    return {"IsDeleted": False, "CreatedDate": sf_datetime(NOW), "LastModifiedDate": "", **fields}


class Mini:
    def __init__(self) -> None:
        self.tables: dict[str, dict[str, dict[str, Any]]] = {
            "User": {
                U1: _rec(Id=U1, Name="Ada Byron", IsActive=True),
                U2: _rec(Id=U2, Name="Grace Hopper", IsActive=False),
            },
            "Contact": {
                C1: _rec(
                    Id=C1,
                    Name="Zoe 100%_real",
                    Email="zoe@a.example",
                    OwnerId=U1,
                    CreatedDate=sf_datetime(NOW - timedelta(days=2)),
                ),
                C2: _rec(
                    Id=C2,
                    Name="amy",
                    Email=None,
                    OwnerId=U2,
                    CreatedDate=sf_datetime(NOW - timedelta(days=40)),
                ),
                C3: _rec(
                    Id=C3,
                    Name="Bob O'Neil",
                    Email="bob@b.example",
                    OwnerId=None,
                    CreatedDate=sf_datetime(NOW),
                ),
            },
            "Lead": {L1: _rec(Id=L1, Name="Lee", Company="X", IsConverted=False)},
            "ActionCadenceTracker": {
                "t1": _rec(Id=make_id("0qB", 1), TargetId=C1, OwnerId=U1, State="Running"),
                "t2": _rec(Id=make_id("0qB", 2), TargetId=L1, OwnerId=U2, State="Paused"),
            },
        }

    def rows(self, sobject: str) -> Iterable[dict[str, Any]]:
        return self.tables.get(sobject, {}).values()

    def lookup(self, record_id: str) -> tuple[str, dict[str, Any]] | None:
        for name, table in self.tables.items():
            for record in table.values():
                if record["Id"] == record_id:
                    return name, record
        return None


def run(text: str) -> list[dict[str, Any]]:
    checked = plan(parse(text), Mini(), NOW)
    return [checked.project(r, "64.0") for r in checked.run()]


def names(text: str) -> list[str]:
    return [r["Name"] for r in run(text)]


def fails(text: str) -> SoqlError:
    with pytest.raises(SoqlError) as err:
        run(text)
    return err.value


def test_select_where_order_limit_offset() -> None:
    assert names("SELECT Name FROM Contact ORDER BY Name") == ["amy", "Bob O'Neil", "Zoe 100%_real"]
    assert names("select name from contact order by name desc limit 2 offset 1") == [
        "Bob O'Neil",
        "amy",
    ]
    assert names("SELECT Name FROM Contact WHERE Name = 'AMY'") == ["amy"]  # case-insensitive
    assert names("SELECT Name FROM Contact WHERE Name != 'amy' ORDER BY Name") == [
        "Bob O'Neil",
        "Zoe 100%_real",
    ]


def test_string_escapes_and_like_wildcards() -> None:
    assert names(r"SELECT Name FROM Contact WHERE Name = 'Bob O\'Neil'") == ["Bob O'Neil"]
    assert names("SELECT Name FROM Contact WHERE Name LIKE 'b%'") == ["Bob O'Neil"]
    assert names("SELECT Name FROM Contact WHERE Name LIKE '_my'") == ["amy"]
    assert names(r"SELECT Name FROM Contact WHERE Name LIKE '%100\%\_%'") == ["Zoe 100%_real"]
    assert names(r"SELECT Name FROM Contact WHERE Name LIKE '%0\_%'") == []


def test_null_in_not_in_and_boolean_logic() -> None:
    assert names("SELECT Name FROM Contact WHERE Email = null") == ["amy"]
    assert names("SELECT Name FROM Contact WHERE Email != NULL ORDER BY Name") == [
        "Bob O'Neil",
        "Zoe 100%_real",
    ]
    assert names(f"SELECT Name FROM Contact WHERE Id IN ('{C1}', '{C2[:15]}') ORDER BY Name") == [
        "amy",
        "Zoe 100%_real",
    ]
    assert names(f"SELECT Name FROM Contact WHERE Id NOT IN ('{C1}')  ORDER BY Name") == [
        "amy",
        "Bob O'Neil",
    ]
    text = "SELECT Name FROM Contact WHERE (Name = 'amy' OR Name = 'Lee') AND NOT Email != null"
    assert names(text) == ["amy"]
    assert names("SELECT Name FROM User WHERE IsActive = TRUE") == ["Ada Byron"]


def test_mixing_and_or_needs_parentheses() -> None:
    err = fails("SELECT Id FROM Contact WHERE Name = 'a' AND Name = 'b' OR Name = 'c'")
    assert err.code == "MALFORMED_QUERY"
    assert "unexpected token: 'OR'" in err.render()
    tree = parse("SELECT Id FROM Contact WHERE NOT (Name = 'a' OR Name = 'b')").where
    assert isinstance(tree, Not)
    assert isinstance(tree.expr, Logic)
    assert tree.expr.op == "OR"


def test_relationship_fields_nest_and_filter() -> None:
    rows = run(
        "SELECT Id, Target.Name, Target.Type, Owner.Name FROM ActionCadenceTracker "
        "WHERE Owner.IsActive = true"
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["Target"]["Name"] == "Zoe 100%_real"
    assert row["Target"]["Type"] == "Contact"
    assert row["Target"]["attributes"]["type"] == "Contact"
    assert row["Owner"] == {
        "attributes": {"type": "User", "url": f"/services/data/v64.0/sobjects/User/{U1}"},
        "Name": "Ada Byron",
    }
    leads = run("SELECT Id FROM ActionCadenceTracker WHERE Target.Type = 'Lead'")
    assert len(leads) == 1
    nulls = run("SELECT Name, Owner.Name FROM Contact WHERE Owner.Name = null")
    assert nulls == [{"attributes": nulls[0]["attributes"], "Name": "Bob O'Neil", "Owner": None}]


def test_order_by_nulls_first_and_last() -> None:
    asc = [r["Email"] for r in run("SELECT Email FROM Contact ORDER BY Email")]
    assert asc == [None, "bob@b.example", "zoe@a.example"]  # ASC puts nulls first
    last = [r["Email"] for r in run("SELECT Email FROM Contact ORDER BY Email ASC NULLS LAST")]
    assert last == ["bob@b.example", "zoe@a.example", None]
    desc = [r["Email"] for r in run("SELECT Email FROM Contact ORDER BY Email DESC")]
    assert desc == ["zoe@a.example", "bob@b.example", None]
    multi = names("SELECT Name FROM Contact ORDER BY Owner.Name DESC NULLS FIRST, Name")
    assert multi == ["Bob O'Neil", "amy", "Zoe 100%_real"]


def test_dates_and_date_literals() -> None:
    assert names("SELECT Name FROM Contact WHERE CreatedDate = TODAY") == ["Bob O'Neil"]
    assert names("SELECT Name FROM Contact WHERE CreatedDate = LAST_N_DAYS:7 ORDER BY Name") == [
        "Bob O'Neil",
        "Zoe 100%_real",
    ]
    assert names("SELECT Name FROM Contact WHERE CreatedDate < 2026-10-01T00:00:00Z") == ["amy"]
    text = "SELECT Name FROM Contact WHERE CreatedDate >= 2026-11-02T10:00:00+01:00"
    assert names(text) == ["Bob O'Neil"]


def test_count() -> None:
    checked = plan(parse("SELECT COUNT() FROM Contact WHERE Email != null"), Mini(), NOW)
    assert checked.query.count
    assert len(checked.run()) == 2


@pytest.mark.parametrize(
    ("text", "code", "fragment"),
    [
        ("SELECT Id FRM Contact", "MALFORMED_QUERY", "unexpected token: 'FRM'"),
        ("SELECT Id FROM Contact WHERE", "MALFORMED_QUERY", "'<EOF>'"),
        ("SELECT Id, Id FROM Contact", "MALFORMED_QUERY", "duplicate field selected: Id"),
        ("SELECT Id FROM Contact WHERE Name = 'x", "MALFORMED_QUERY", "unexpected token"),
        (r"SELECT Id FROM Contact WHERE Name = 'a\q'", "MALFORMED_QUERY", "Illegal character"),
        ("SELECT Id FROM Contacts", "INVALID_TYPE", "sObject type 'Contacts' is not supported"),
        ("SELECT Nme FROM Contact", "INVALID_FIELD", "No such column 'Nme' on entity 'Contact'"),
        ("SELECT Boss.Name FROM Contact", "INVALID_FIELD", "Didn't understand relationship"),
        ("SELECT Target.Company FROM ActionCadenceTracker", "INVALID_FIELD", "entity 'Name'"),
        (
            "SELECT Id FROM Contact WHERE Name = 5",
            "INVALID_QUERY_FILTER_OPERATOR",
            "must be of type string",
        ),
        (
            "SELECT Id FROM User WHERE IsActive = 'true'",
            "INVALID_QUERY_FILTER_OPERATOR",
            "must be of type boolean",
        ),
        (
            "SELECT Id FROM Contact WHERE Id = 'nope'",
            "INVALID_QUERY_FILTER_OPERATOR",
            "invalid ID field: nope",
        ),
        (
            "SELECT Id FROM Contact WHERE CreatedDate > 2026-01-01",
            "INVALID_QUERY_FILTER_OPERATOR",
            "dateTime",
        ),
        ("SELECT Id FROM Contact OFFSET 2001", "NUMBER_OUTSIDE_VALID_RANGE", "2000"),
    ],
)
def test_errors_are_salesforce_shaped(text: str, code: str, fragment: str) -> None:
    err = fails(text)
    assert err.code == code
    rendered = err.render()
    assert fragment in rendered
    assert rendered.startswith("\n")
    assert "ERROR at Row:1:Column:" in rendered


def test_error_points_at_the_offending_column() -> None:
    rendered = fails("SELECT Id,\n  Nope FROM Contact").render()
    lines = rendered.split("\n")
    assert lines[1] == "  Nope FROM Contact"
    assert lines[2] == "  ^"
    assert lines[3] == "ERROR at Row:2:Column:3"
