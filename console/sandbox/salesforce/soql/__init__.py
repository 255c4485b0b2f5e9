"""A small real SOQL: tokenizer, recursive-descent parser, and an evaluator over the sandbox org.

parse(text) -> Query              (MALFORMED_QUERY on a syntax error)
plan(query, source) -> Plan       (INVALID_TYPE / INVALID_FIELD / INVALID_QUERY_FILTER_OPERATOR)
plan.run() -> matching records; plan.project(record, version) -> the JSON record
"""

from console.sandbox.salesforce.soql.engine import Plan, Source, plan
from console.sandbox.salesforce.soql.errors import SoqlError
from console.sandbox.salesforce.soql.parser import Query, parse

__all__ = ["Plan", "Query", "SoqlError", "Source", "parse", "plan"]
