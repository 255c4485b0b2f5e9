"""SOQL tokens: names (dotted paths in one token), strings, numbers, date(time)s, operators.

String literals keep which of their characters were escaped wildcards (`\\%`, `\\_`), so LIKE
can tell a literal percent sign from a wildcard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.sandbox.salesforce.soql.errors import malformed

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
OPERATORS = ("!=", "<>", "<=", ">=", "=", "<", ">")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # NAME STRING NUMBER DATE DATETIME DATEFN OP LPAREN RPAREN COMMA EOF
    text: str
    offset: int
    value: Any = None

    def keyword(self, *words: str) -> bool:
        return self.kind == "NAME" and self.text.upper() in words


@dataclass(frozen=True, slots=True)
class StringValue:
    text: str
    escaped: frozenset[int]  # positions in `text` that were \% or \_ (literal, not wildcards)


def tokenize(query: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
            continue
        if c == "'":
            text_value, end = _string(query, i)
            tokens.append(Token("STRING", query[i:end], i, text_value))
            i = end
            continue
        if c in "(),":
            kind = {"(": "LPAREN", ")": "RPAREN", ",": "COMMA"}[c]
            tokens.append(Token(kind, c, i))
            i += 1
            continue
        op = next((o for o in OPERATORS if query.startswith(o, i)), None)
        if op:
            tokens.append(Token("OP", "!=" if op == "<>" else op, i))
            i += len(op)
            continue
        if match := DATETIME.match(query, i):
            tokens.append(Token("DATETIME", match[0], i, _datetime(match[0], i, query)))
            i = match.end()
            continue
        if (match := DATE.match(query, i)) and not _continues_number(query, match.end()):
            tokens.append(Token("DATE", match[0], i, _date(match[0], i, query)))
            i = match.end()
            continue
        if (match := NUMBER.match(query, i)) and (c.isdigit() or c in "+-."):
            text = match[0]
            value: float | int = float(text) if "." in text else int(text)
            tokens.append(Token("NUMBER", text, i, value))
            i = match.end()
            continue
        if match := NAME.match(query, i):
            end = match.end()
            if end < n and query[end] == ":":
                digits = re.compile(r"\d+").match(query, end + 1)
                if not digits:
                    raise malformed(f"unexpected token: '{match[0]}:'", i, query)
                tokens.append(
                    Token("DATEFN", query[i : digits.end()], i, (match[0].upper(), int(digits[0])))
                )
                i = digits.end()
                continue
            tokens.append(Token("NAME", match[0], i))
            i = end
            continue
        raise malformed(f"unexpected token: '{c}'", i, query)
    tokens.append(Token("EOF", "", n))
    return tokens


def _continues_number(query: str, end: int) -> bool:
    return end < len(query) and (query[end].isalnum() or query[end] in ".:")


def _string(query: str, start: int) -> tuple[StringValue, int]:
    out: list[str] = []
    escaped: set[int] = set()
    i = start + 1
    while i < len(query):
        c = query[i]
        if c == "'":
            return StringValue("".join(out), frozenset(escaped)), i + 1
        if c == "\\":
            nxt = query[i + 1] if i + 1 < len(query) else ""
            if nxt in ("%", "_"):
                escaped.add(len(out))
                out.append(nxt)
            elif nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
            else:
                raise malformed(
                    f"Invalid string literal '{query[start : i + 2]}'. Illegal character "
                    f"sequence '\\{nxt}' in string literal.",
                    start,
                    query,
                )
            i += 2
            continue
        out.append(c)
        i += 1
    raise malformed(f"unexpected token: '{query[start : start + 20]}'", start, query)


def _date(text: str, offset: int, query: str) -> str:
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise malformed(
            f"line 1:{offset} no viable alternative at character '{text}'", offset, query
        ) from None
    return text


def _datetime(text: str, offset: int, query: str) -> datetime:
    normal = text.replace("Z", "+00:00")
    if normal[-3] != ":":
        normal = normal[:-2] + ":" + normal[-2:]
    try:
        return datetime.fromisoformat(normal)
    except ValueError:
        raise malformed(
            f"line 1:{offset} no viable alternative at character '{text}'", offset, query
        ) from None
