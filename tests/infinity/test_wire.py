"""Infinity's wire formats on their own: the client's bracket encoder against the sandbox's PHP
parser, NDJSON reading, error bodies of every shape, filters with hyphens, tolerant outputs."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
import pytest
from pydantic import SecretStr

from console.config.credentials import InfinityCredentials
from console.errors import MalformedResponse
from console.http.settings import ClientSettings
from console.sandbox.infinity.handlers import BUTTON_FIELDS
from console.sandbox.infinity.listing import ApiError, parse_query
from console.sandbox.infinity.phpform import FormError, parse_pairs, split_key
from console.vendors.infinity.client import Client
from console.vendors.infinity.errors import code_of, field_of, message_of
from console.vendors.infinity.models import CallRating, ListCallRatingsInput, SfButton
from console.vendors.infinity.query import SfButtonFilter
from console.vendors.infinity.wire import decode_records, encode_php_form, parse_records

NESTED: list[dict[str, Any]] = [
    {"callRating": "New Lead", "buttonAction": "createLead"},
    {"actionParams": [{"sfFields": {"Lead": "Owner"}, "value": "00G200000001ABC"}]},
    {
        "actionParams": [
            {"sfFields": {"Lead": "Origin__c", "Contact": "Origin__c"}, "value": "a&b=c [x]"},
            {
                "sfFields": {"Lead": "CountryCode"},
                "type": "dropdown",
                "label": "Pays / país",
                "required": "1",
                "options": [
                    {"label": "Côte d'Ivoire", "value": "CI"},
                    {"label": "%20", "value": ""},
                ],
            },
        ]
    },
]


@pytest.mark.parametrize("data", NESTED)
def test_encoder_and_php_parser_agree(data: dict[str, Any]) -> None:
    body = urlencode(encode_php_form(data))
    assert parse_pairs(parse_qsl(body, keep_blank_values=True)) == data


def test_encoder_details() -> None:
    encoded = encode_php_form(
        {"isDefaultButton": True, "off": False, "gone": None, "actionParams": [], "n": 3}
    )
    assert encoded == {"isDefaultButton": "1", "off": "0", "actionParams": "", "n": "3"}
    assert list(encode_php_form({"a": [{"x": "1"}, {"x": "2"}]})) == ["a[0][x]", "a[1][x]"]
    with pytest.raises(ValueError, match="brackets"):
        encode_php_form({"a[0]": "x"})


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([("a[]", "1"), ("a[]", "2")], {"a": ["1", "2"]}),
        ([("a[x]", "1"), ("a[]", "2")], {"a": {"x": "1", "0": "2"}}),
        ([("a[0][l]", "A"), ("a[0][l]", "B")], {"a": [{"l": "B"}]}),  # the last one wins
        ([("a[1]", "x")], {"a": {"1": "x"}}),  # not 0..n-1: an object, as PHP's json_encode
        ([("a", "1"), ("a[b]", "2")], {"a": {"b": "2"}}),
        ([("a[0", "1")], {"a[0": "1"}),  # an unclosed bracket is taken literally
        ([("a[b]c", "1")], {"a": {"b": "1"}}),  # text after the last bracket is dropped
    ],
)
def test_php_parser_rules(pairs: list[tuple[str, str]], expected: dict[str, Any]) -> None:
    assert parse_pairs(pairs) == expected


def test_php_parser_limits_nesting() -> None:
    assert split_key("a[0][b][]") == ("a", ["0", "b", ""])
    with pytest.raises(FormError):
        parse_pairs([("a" + "[x]" * 40, "deep")])


@pytest.mark.parametrize(
    "text",
    [
        '{"a":1}\n{"a":2}\n',
        '{"a":1}\r\n\r\n{"a":2}',
        '[{"a":1},{"a":2}]',
        '{"a":1}{"a":2}',
        '{\n  "a": 1\n}\n{\n  "a": 2\n}\n',
        '\ufeff{"a":1}\n{"a":2}',
    ],
)
def test_list_answers_are_read_robustly(text: str) -> None:
    assert parse_records(text) == [{"a": 1}, {"a": 2}]


def test_bad_list_answers() -> None:
    assert parse_records("") == []
    assert parse_records("\n\n") == []
    with pytest.raises(ValueError):  # noqa: PT011 - json's own error
        parse_records('{"a":1}\n{"a":')
    truncated = httpx.Response(200, text='{"a":1}\n{"a', request=httpx.Request("GET", "http://x"))
    with pytest.raises(MalformedResponse):
        decode_records(truncated)
    assert decode_records(httpx.Response(204, request=httpx.Request("GET", "http://x"))) == []


NGINX = (
    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
    "</h1></center><hr><center>nginx</center></body></html>"
)
SANDBOX_PAGE = (
    "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
    "<p>IGRP 5 not found</p></body></html>"
)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"error": "access denied"}, "access denied"),
        ({"error": {"message": "boom", "code": "X"}}, "boom"),
        ({"message": "plain"}, "plain"),
        ({"errors": [{"error": "first"}]}, "first"),
        ("  auth required\n", "auth required"),
        (NGINX, "502 Bad Gateway"),
        (SANDBOX_PAGE, "IGRP 5 not found"),
        ("<html><head><title>Oops &amp; more</title></head><body></body></html>", "Oops & more"),
        ({}, ""),
    ],
)
def test_error_messages_of_any_shape(body: Any, message: str) -> None:
    assert message_of(body) == message


def test_error_codes_and_fields() -> None:
    assert code_of("access denied", {"error": "access denied"}) == "ACCESS_DENIED"
    assert code_of("x", {"error": {"message": "x", "code": "E42"}}) == "E42"
    assert code_of("IGRP 5 is not linked to a Salesforce organisation", None) == "IGRP_NOT_LINKED"
    assert code_of("something else", None) is None
    assert field_of("actionParams[0][sfFields] is required", None) == "actionParams[0].sfFields"
    assert field_of("actionParams[1][options][0][label] is required", None) == (
        "actionParams[1].options[0].label"
    )
    assert field_of("callRating 'X' already has a button", None) == "callRating"
    assert field_of("IGRP 5 not found", None) is None
    assert field_of("whatever", {"error": "whatever", "field": "buttonLabel"}) == "buttonLabel"


def test_filters_keep_hyphens_in_values_on_both_sides() -> None:
    model = SfButtonFilter.model_validate("callRating-eq-Follow-up - call")
    assert (model.field, model.op, model.value) == ("callRating", "eq", "Follow-up - call")
    assert model.wire() == "callRating-eq-Follow-up - call"
    query = parse_query(
        {"filter": [model.wire()], "sort": ["sfButtonId-desc"]}, BUTTON_FIELDS, strict=True
    )
    assert query.filters == [("callRating", "str", "Follow-up - call")]
    assert query.sorts == [("sfButtonId", "int", True)]
    with pytest.raises(ApiError):
        parse_query({"filter": {"0": ["nested"]}}, BUTTON_FIELDS, strict=True)
    ratings = ListCallRatingsInput.model_validate(
        {"filter": ["callRating-eq-New Lead"], "sort": ["callRating-desc"], "limit": 5}
    )
    assert ratings.query() == [
        ("filter[]", "itemText-eq-New Lead"),
        ("sort[]", "itemText-desc"),
        ("limit", 5),
        ("offset", 0),
    ]


def test_outputs_are_tolerant() -> None:
    button = SfButton.model_validate(
        {
            "sfButtonId": 4,
            "isDefaultButton": "",
            "newField": "kept",
            "actionParams": {
                "0": {
                    "sfFields": {"Lead": "RecordTypeId"},
                    "type": "dropdown",
                    "label": "Record Type",
                    "required": "1",
                    "options": {"label": "Direct", "value": "012b0000000kGkl"},
                }
            },
        }
    )
    assert (button.sfButtonId, button.isDefaultButton) == ("4", None)
    assert button.model_extra == {"newField": "kept"}
    assert isinstance(button.actionParams, list)
    (param,) = button.actionParams
    assert (param.kind, param.required, [o.value for o in param.options]) == (
        "dropdown",
        True,
        ["012b0000000kGkl"],
    )
    flat = SfButton.model_validate({"sfButtonId": "3", "actionParams": {"Call_Source__c": "X"}})
    assert flat.actionParams == {"Call_Source__c": "X"}
    single = SfButton.model_validate(
        {"sfButtonId": "5", "actionParams": {"sfFields": {"Task": "Subject"}, "value": 7}}
    )
    assert isinstance(single.actionParams, list)
    assert single.actionParams[0].value == "7"
    assert SfButton.model_validate({"sfButtonId": "6", "actionParams": ""}).actionParams is None
    rating = CallRating.model_validate(
        {"callRatingItemId": 1, "itemText": "New Lead", "isUsed": "1"}
    )
    assert (rating.callRatingItemId, rating.callRating, rating.isUsed) == ("1", "New Lead", 1)


@pytest.mark.parametrize(
    ("base", "api_key", "path", "url"),
    [
        (
            "https://api.infinitycloud.com",
            None,
            "/igrps",
            "https://api.infinitycloud.com/config/v2/igrps",
        ),
        (
            "https://api.infinitycloud.com/config/v2/",
            "k",
            "/igrps",
            "https://api.infinitycloud.com/config/v2.1/igrps",
        ),
        (
            "https://api.infinitycloud.com",
            "k",
            "/config/v2/igrps/1",
            "https://api.infinitycloud.com/config/v2.1/igrps/1",
        ),
        (
            "https://api.infinitycloud.com/config/v2.1",
            None,
            "config/v2.1/igrps",
            "https://api.infinitycloud.com/config/v2/igrps",
        ),
    ],
)
async def test_client_sends_each_path_under_its_credentials_version(
    base: str, api_key: str | None, path: str, url: str
) -> None:
    creds = InfinityCredentials(
        base_url=base,
        username="u",
        password=SecretStr("p"),
        api_key=SecretStr(api_key) if api_key else None,
    )
    async with httpx.AsyncClient() as http:
        client = Client(http, creds, ClientSettings())
        assert client.url(path) == url
        header = (await client.auth_headers())["Authorization"]
    assert header == ("ApiKey k" if api_key else "Basic dTpw")
