"""The SOQL grammar the sandbox understands, parsed by recursive descent into a small AST.

query     := SELECT (COUNT '(' ')' | field (',' field)*) FROM name
             [WHERE expr] [ORDER BY order (',' order)*] [LIMIT int] [OFFSET int]
expr      := factor ((AND factor)* | (OR factor)*)     -- mixing needs parentheses
factor    := NOT factor | '(' expr ')' | field op value
           | field [NOT] IN '(' value (',' value)* ')' | field LIKE string
order     := field [ASC | DESC] [NULLS (FIRST | LAST)]
value     := string | number | date | datetime | TRUE | FALSE | NULL | date literal
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.sandbox.salesforce.soql.errors import malformed
from console.sandbox.salesforce.soql.lexer import Token, tokenize

RESERVED = frozenset(
    {
        "SELECT",
        "FROM",
        "WHERE",
        "AND",
        "OR",
        "NOT",
        "IN",
        "LIKE",
        "ORDER",
        "BY",
        "LIMIT",
        "OFFSET",
        "ASC",
        "DESC",
        "NULLS",
        "FIRST",
        "LAST",
        "NULL",
        "TRUE",
        "FALSE",
        "GROUP",
        "HAVING",
        "WITH",
        "INCLUDES",
        "EXCLUDES",
        "FOR",
        "USING",
    }
)
DATE_LITERALS = frozenset(
    {
        "TODAY",
        "YESTERDAY",
        "TOMORROW",
        "LAST_WEEK",
        "THIS_WEEK",
        "NEXT_WEEK",
        "LAST_MONTH",
        "THIS_MONTH",
        "NEXT_MONTH",
        "THIS_YEAR",
        "LAST_YEAR",
        "NEXT_YEAR",
        "LAST_90_DAYS",
        "NEXT_90_DAYS",
    }
)
DATE_FUNCTIONS = frozenset(
    {"LAST_N_DAYS", "NEXT_N_DAYS", "LAST_N_WEEKS", "NEXT_N_WEEKS", "LAST_N_MONTHS", "NEXT_N_MONTHS"}
)


@dataclass(frozen=True, slots=True)
class FieldRef:
    path: tuple[str, ...]
    offset: int

    @property
    def text(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class Literal:
    kind: str  # string number boolean null date datetime dateliteral
    value: Any
    offset: int


@dataclass(frozen=True, slots=True)
class Compare:
    field: FieldRef
    op: str
    value: Literal


@dataclass(frozen=True, slots=True)
class In:
    field: FieldRef
    values: tuple[Literal, ...]
    negate: bool


@dataclass(frozen=True, slots=True)
class Like:
    field: FieldRef
    pattern: Literal


@dataclass(frozen=True, slots=True)
class Not:
    expr: Expr


@dataclass(frozen=True, slots=True)
class Logic:
    op: str  # AND | OR
    items: tuple[Expr, ...]


Expr = Compare | In | Like | Not | Logic


@dataclass(frozen=True, slots=True)
class Order:
    field: FieldRef
    descending: bool
    nulls_last: bool


@dataclass(slots=True)
class Query:
    text: str
    sobject: str
    sobject_offset: int
    fields: list[FieldRef] = field(default_factory=list)
    count: bool = False
    where: Expr | None = None
    order: list[Order] = field(default_factory=list)
    limit: int | None = None
    offset: int | None = None
    offset_at: int = 0


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0

    # -- token helpers ---------------------------------------------------------------------

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self, ahead: int = 1) -> Token:
        return self.tokens[min(self.i + ahead, len(self.tokens) - 1)]

    def advance(self) -> Token:
        tok = self.tok
        self.i = min(self.i + 1, len(self.tokens) - 1)
        return tok

    def fail(self, tok: Token | None = None) -> Exception:
        tok = tok or self.tok
        if tok.kind == "EOF":
            return malformed("unexpected token: '<EOF>'", tok.offset, self.text)
        return malformed(f"unexpected token: '{tok.text}'", tok.offset, self.text)

    def keyword(self, *words: str) -> Token:
        if not self.tok.keyword(*words):
            raise self.fail()
        return self.advance()

    def accept(self, *words: str) -> Token | None:
        return self.advance() if self.tok.keyword(*words) else None

    def expect(self, kind: str) -> Token:
        if self.tok.kind != kind:
            raise self.fail()
        return self.advance()

    # -- grammar ---------------------------------------------------------------------------

    def query(self) -> Query:
        self.keyword("SELECT")
        fields: list[FieldRef] = []
        count = False
        if self.tok.keyword("COUNT") and self.peek().kind == "LPAREN":
            self.advance()
            self.advance()
            if self.tok.kind != "RPAREN":
                raise malformed(
                    "The sandbox supports COUNT() only, not COUNT(field).",
                    self.tok.offset,
                    self.text,
                )
            self.advance()
            count = True
        else:
            fields.append(self.field())
            while self.tok.kind == "COMMA":
                self.advance()
                fields.append(self.field())
        self.keyword("FROM")
        name = self.expect("NAME")
        if "." in name.text or name.text.upper() in RESERVED:
            raise self.fail(name)
        query = Query(self.text, name.text, name.offset, fields, count)
        if self.accept("WHERE"):
            query.where = self.expr()
        if self.accept("ORDER"):
            self.keyword("BY")
            query.order.append(self.order())
            while self.tok.kind == "COMMA":
                self.advance()
                query.order.append(self.order())
        if self.accept("LIMIT"):
            query.limit = self.integer()
        if at := self.accept("OFFSET"):
            query.offset_at = at.offset
            query.offset = self.integer()
        if self.tok.kind != "EOF":
            raise self.fail()
        return query

    def field(self) -> FieldRef:
        tok = self.tok
        if tok.kind != "NAME" or tok.text.upper() in RESERVED:
            raise self.fail()
        if self.peek().kind == "LPAREN":  # functions and aggregates
            raise self.fail(self.peek())
        self.advance()
        return FieldRef(tuple(tok.text.split(".")), tok.offset)

    def integer(self) -> int:
        tok = self.expect("NUMBER")
        if not isinstance(tok.value, int) or tok.value < 0:
            raise self.fail(tok)
        return tok.value

    def order(self) -> Order:
        ref = self.field()
        direction = self.accept("ASC", "DESC")
        descending = direction is not None and direction.text.upper() == "DESC"
        nulls_last = descending  # Salesforce's default: nulls first ascending, last descending
        if self.accept("NULLS"):
            nulls_last = self.keyword("FIRST", "LAST").text.upper() == "LAST"
        return Order(ref, descending, nulls_last)

    def expr(self) -> Expr:
        first = self.factor()
        if not self.tok.keyword("AND", "OR"):
            return first
        op = self.tok.text.upper()
        items = [first]
        while self.tok.keyword("AND", "OR"):
            if self.tok.text.upper() != op:
                raise self.fail()  # SOQL wants parentheses when AND and OR mix
            self.advance()
            items.append(self.factor())
        return Logic(op, tuple(items))

    def factor(self) -> Expr:
        if self.accept("NOT"):
            return Not(self.factor())
        if self.tok.kind == "LPAREN":
            self.advance()
            inner = self.expr()
            self.expect("RPAREN")
            return inner
        ref = self.field()
        if self.tok.kind == "OP":
            op = self.advance().text
            return Compare(ref, op, self.value())
        if self.accept("LIKE"):
            pattern = self.value()
            if pattern.kind != "string":
                raise malformed(
                    "invalid LIKE pattern: a LIKE needs a quoted string", pattern.offset, self.text
                )
            return Like(ref, pattern)
        negate = bool(self.accept("NOT"))
        if self.accept("IN"):
            self.expect("LPAREN")
            if self.tok.keyword("SELECT"):
                raise malformed(
                    "The sandbox does not support semi-join subqueries.", self.tok.offset, self.text
                )
            values = [self.value()]
            while self.tok.kind == "COMMA":
                self.advance()
                values.append(self.value())
            self.expect("RPAREN")
            return In(ref, tuple(values), negate)
        raise self.fail()

    def value(self) -> Literal:
        tok = self.advance()
        kinds = {"STRING": "string", "NUMBER": "number", "DATE": "date", "DATETIME": "datetime"}
        if tok.kind in kinds:
            return Literal(kinds[tok.kind], tok.value, tok.offset)
        if tok.kind == "DATEFN":
            name, n = tok.value
            if name not in DATE_FUNCTIONS:
                raise self.fail(tok)
            return Literal("dateliteral", (name, n), tok.offset)
        if tok.kind == "NAME":
            word = tok.text.upper()
            if word in ("TRUE", "FALSE"):
                return Literal("boolean", word == "TRUE", tok.offset)
            if word == "NULL":
                return Literal("null", None, tok.offset)
            if word in DATE_LITERALS:
                return Literal("dateliteral", (word, 1), tok.offset)
        raise self.fail(tok)


def parse(text: str) -> Query:
    """Parse one SOQL query (MALFORMED_QUERY SoqlError when it is not one)."""
    return _Parser(text).query()
