"""The Zendesk Sell sandbox driven with plain HTTP, checked against VENDORS.md §3."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from tests.zendesk_sell.conftest import error_of, unique

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _person(http: httpx.Client, **extra: Any) -> dict[str, Any]:
    body = {"first_name": "Ada", "last_name": unique("Lovelace"), **extra}
    r = http.post("/v2/contacts", json={"data": body})
    assert r.status_code == 200, r.text
    return dict(r.json()["data"])


# -- auth -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "Bearer " + "0" * 64, "Basic abc", "Bearer x"])
def test_missing_or_wrong_token_is_401_in_zendesk_envelope(
    zs: dict[str, Any], header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    r = httpx.get(zs["base_url"] + "/v2/contacts", headers=headers, trust_env=False)
    assert r.status_code == 401
    body = r.json()
    assert body["meta"] == {
        "type": "errors",
        "http_status": "401 Unauthorized",
        "logref": r.headers["X-Request-Id"],
    }
    assert body["errors"][0]["error"]["code"] == "unauthorized"
    assert body["errors"][0]["meta"]["type"] == "error"
    assert UUID.match(r.headers["X-Request-Id"])


def test_demo_tokens_are_64_characters(zs: dict[str, Any]) -> None:
    assert len(zs["access_token"]) == 64
    assert len(zs["read_only_token"]) == 64
    assert zs["access_token"] != zs["read_only_token"]


def test_read_only_token_reads_but_writes_get_403_insufficient_scope(zs: dict[str, Any]) -> None:
    headers = {"Authorization": f"Bearer {zs['read_only_token']}"}
    with httpx.Client(base_url=zs["base_url"], headers=headers, trust_env=False) as ro:
        assert ro.get("/v2/contacts", params={"per_page": 1}).status_code == 200
        assert ro.get("/v2/users/self").status_code == 200
        r = ro.post("/v2/contacts", json={"data": {"last_name": "Nope"}})
        assert r.status_code == 403
        assert error_of(r)["code"] == "insufficient_scope"
        assert ro.delete("/v2/contacts/1").status_code == 403


def test_non_json_accept_header_is_406(http: httpx.Client) -> None:
    r = http.get("/v2/contacts", headers={"Accept": "text/html"})
    assert r.status_code == 406
    assert error_of(r)["code"] == "not_acceptable"


# -- envelopes ------------------------------------------------------------------------------------


def test_single_record_envelope_and_timestamps(http: httpx.Client) -> None:
    r = http.get("/v2/contacts/1")
    assert r.status_code == 200
    body = r.json()
    assert body["meta"] == {"type": "contact"}
    assert body["data"]["id"] == 1
    assert STAMP.match(body["data"]["created_at"])
    assert STAMP.match(body["data"]["updated_at"])
    assert UUID.match(r.headers["X-Request-Id"])


def test_collection_envelope_has_versions_count_and_no_total(http: httpx.Client) -> None:
    r = http.get("/v2/deals", params={"per_page": 5})
    body = r.json()
    assert body["meta"]["type"] == "collection"
    assert body["meta"]["count"] == 5
    assert "total" not in body["meta"]
    assert all(item["meta"]["type"] == "deal" for item in body["items"])
    assert all(isinstance(item["meta"]["version"], int) for item in body["items"])
    assert all(isinstance(item["data"]["value"], str) for item in body["items"])


def test_version_grows_with_each_change(http: httpx.Client) -> None:
    made = _person(http)

    def version() -> int:
        r = http.get("/v2/contacts", params={"ids": str(made["id"])})
        return int(r.json()["items"][0]["meta"]["version"])

    assert version() == 1
    http.put(f"/v2/contacts/{made['id']}", json={"data": {"title": "CTO"}})
    assert version() == 2
    http.put(f"/v2/contacts/{made['id']}", json={"data": {"title": "CTO"}})  # no change
    assert version() == 2


# -- validation -----------------------------------------------------------------------------------


def test_422_names_each_bad_field_with_a_json_pointer(http: httpx.Client) -> None:
    r = http.post(
        "/v2/contacts",
        json={"data": {"first_name": "Solo", "customer_status": "gold", "owner_id": "one"}},
    )
    assert r.status_code == 422
    body = r.json()
    assert body["meta"]["http_status"] == "422 Unprocessable Entity"
    assert body["meta"]["logref"] == r.headers["X-Request-Id"]
    problems = {e["error"]["field"]: e["error"]["code"] for e in body["errors"]}
    assert problems == {
        "/data/customer_status": "incorrect_value",
        "/data/owner_id": "invalid_type",
    }
    # With the attribute errors fixed, the missing last name is reported.
    r = http.post("/v2/contacts", json={"data": {"first_name": "Solo"}})
    assert (error_of(r)["code"], error_of(r)["field"]) == ("missing", "/data/last_name")


def test_organization_needs_a_name_and_blank_required_values_are_blank(http: httpx.Client) -> None:
    r = http.post("/v2/contacts", json={"data": {"is_organization": True}})
    assert (error_of(r)["code"], error_of(r)["field"]) == ("missing", "/data/name")
    r = http.post("/v2/deals", json={"data": {"name": "  ", "contact_id": 1}})
    assert (error_of(r)["code"], error_of(r)["field"]) == ("blank", "/data/name")


def test_unknown_body_attribute_is_422_unknown(http: httpx.Client) -> None:
    r = http.post("/v2/deals", json={"data": {"unknown": "attribute"}})
    assert r.status_code == 422
    codes = {e["error"]["field"]: e["error"]["code"] for e in r.json()["errors"]}
    assert codes["/data/unknown"] == "unknown"


def test_bad_custom_field_and_address_part_are_pointed_at(http: httpx.Client) -> None:
    r = http.post(
        "/v2/contacts", json={"data": {"last_name": "X", "custom_fields": {"Employees": "many"}}}
    )
    assert error_of(r)["field"] == "/data/custom_fields/Employees"
    r = http.post("/v2/contacts", json={"data": {"last_name": "X", "address": {"zip": "1"}}})
    assert (error_of(r)["code"], error_of(r)["field"]) == ("unknown", "/data/address/zip")


def test_body_must_be_a_data_envelope(http: httpx.Client) -> None:
    r = http.post("/v2/contacts", json={"last_name": "NoEnvelope"})
    assert r.status_code == 400
    assert error_of(r)["code"] == "invalid_payload"
    r = http.post(
        "/v2/contacts", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert (r.status_code, error_of(r)["code"]) == (400, "invalid_payload")


def test_read_only_fields_sent_back_in_an_update_are_ignored(http: httpx.Client) -> None:
    made = _person(http, tags=["a"])
    whole = http.get(f"/v2/contacts/{made['id']}").json()["data"]
    whole.update(
        title="Head of Research", id=999_999, creator_id=7, created_at="2001-01-01T00:00:00Z"
    )
    r = http.put(f"/v2/contacts/{made['id']}", json={"data": whole})
    assert r.status_code == 200, r.text
    after = r.json()["data"]
    assert after["title"] == "Head of Research"
    assert after["id"] == made["id"]
    assert after["created_at"] == made["created_at"]
    assert after["creator_id"] == made["creator_id"]


def test_is_organization_is_fixed_after_creation(http: httpx.Client) -> None:
    made = _person(http)
    same = http.put(f"/v2/contacts/{made['id']}", json={"data": {"is_organization": False}})
    assert same.status_code == 200
    flip = http.put(f"/v2/contacts/{made['id']}", json={"data": {"is_organization": True}})
    assert (error_of(flip)["code"], error_of(flip)["field"]) == (
        "incorrect_value",
        "/data/is_organization",
    )


def test_put_is_partial_and_tags_replace_the_set(http: httpx.Client) -> None:
    made = _person(http, email="ada@example.com", tags=["one", "two"])
    r = http.put(f"/v2/contacts/{made['id']}", json={"data": {"tags": ["three"]}})
    after = r.json()["data"]
    assert after["tags"] == ["three"]
    assert after["email"] == "ada@example.com"
    assert after["last_name"] == made["last_name"]


def test_deal_value_is_a_decimal_string_and_defaults(http: httpx.Client) -> None:
    r = http.post("/v2/deals", json={"data": {"name": unique("Deal"), "contact_id": 1}})
    deal = r.json()["data"]
    assert deal["value"] == "0.00"
    assert deal["currency"] == "USD"
    stages = http.get("/v2/stages", params={"pipeline_id": 1, "sort_by": "position"}).json()
    assert deal["stage_id"] == stages["items"][0]["data"]["id"]
    r = http.put(f"/v2/deals/{deal['id']}", json={"data": {"value": 1000}})
    assert r.json()["data"]["value"] == "1000.00"
    r = http.put(f"/v2/deals/{deal['id']}", json={"data": {"value": "12.5"}})
    assert r.json()["data"]["value"] == "12.50"
    assert (
        error_of(http.put(f"/v2/deals/{deal['id']}", json={"data": {"value": "abc"}}))["code"]
        == "incorrect_value"
    )


def test_delete_answers_204_with_no_body_then_404(http: httpx.Client) -> None:
    made = _person(http)
    r = http.delete(f"/v2/contacts/{made['id']}")
    assert r.status_code == 204
    assert r.content == b""
    assert "X-Request-Id" in r.headers
    gone = http.get(f"/v2/contacts/{made['id']}")
    assert (gone.status_code, error_of(gone)["code"]) == (404, "not_found")


# -- query strings --------------------------------------------------------------------------------


def test_unknown_query_parameter_is_400_invalid_param(http: httpx.Client) -> None:
    r = http.get("/v2/users/self", params={"unknown": "param"})
    assert r.status_code == 400
    assert error_of(r)["code"] == "invalid_param"
    assert http.get("/v2/contacts", params={"colour": "red"}).status_code == 400


@pytest.mark.parametrize(
    ("path", "per_page", "status"),
    [
        ("/v2/contacts", 0, 400),
        ("/v2/contacts", 100, 200),
        ("/v2/contacts", 101, 400),
        ("/v2/orders", 500, 200),
        ("/v2/orders", 501, 400),
    ],
)
def test_per_page_range(http: httpx.Client, path: str, per_page: int, status: int) -> None:
    r = http.get(path, params={"per_page": per_page})
    assert r.status_code == status
    if status == 400:
        assert error_of(r)["code"] == "invalid_param"


def test_paging_links_walk_the_whole_list_without_a_total(http: httpx.Client) -> None:
    seen: list[int] = []
    url: str | None = "/v2/stages?per_page=7"
    pages = 0
    while url:
        body = http.get(url).json()
        links = body["meta"]["links"]
        assert links["first_page"].endswith("page=1")
        assert ("prev_page" in links) == (pages > 0)
        seen += [i["data"]["id"] for i in body["items"]]
        url = links.get("next_page")
        pages += 1
    assert pages == 3
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == 15
    past_end = http.get("/v2/stages", params={"per_page": 7, "page": 4}).json()
    assert past_end["items"] == []
    assert "next_page" not in past_end["meta"]["links"]


def test_url_encoded_sort_by_and_defaults(http: httpx.Client) -> None:
    r = http.get("/v2/deals?sort_by=id%3Adesc&per_page=3")
    ids = [i["data"]["id"] for i in r.json()["items"]]
    assert ids == sorted(ids, reverse=True)
    names = [
        i["data"]["last_name"] or i["data"]["name"]
        for i in http.get("/v2/contacts", params={"per_page": 50}).json()["items"]
    ]
    assert [n.lower() for n in names] == sorted(n.lower() for n in names)
    updated = [
        i["data"]["updated_at"]
        for i in http.get("/v2/leads", params={"per_page": 30}).json()["items"]
    ]
    assert updated == sorted(updated)
    bad = http.get("/v2/deals", params={"sort_by": "colour:asc"})
    assert (bad.status_code, error_of(bad)["code"]) == (400, "invalid_param")


def test_multi_field_sort(http: httpx.Client) -> None:
    r = http.get("/v2/stages", params={"sort_by": "pipeline_id:desc,position:asc", "per_page": 100})
    keys = [(i["data"]["pipeline_id"], i["data"]["position"]) for i in r.json()["items"]]
    assert keys == sorted(keys, key=lambda k: (-k[0], k[1]))


def test_ids_and_attribute_filters(http: httpx.Client) -> None:
    r = http.get("/v2/contacts", params={"ids": "3,1,2"})
    assert sorted(i["data"]["id"] for i in r.json()["items"]) == [1, 2, 3]
    orgs = http.get("/v2/contacts", params={"is_organization": "true", "per_page": 100}).json()
    assert orgs["items"]
    assert all(i["data"]["is_organization"] for i in orgs["items"])
    hot = http.get("/v2/deals", params={"hot": "true", "owner_id": 2, "per_page": 100}).json()
    assert all(i["data"]["hot"] and i["data"]["owner_id"] == 2 for i in hot["items"])
    assert http.get("/v2/deals", params={"hot": "maybe"}).status_code == 400


def test_inclusive_false_ors_the_filters(http: httpx.Client) -> None:
    a = _person(http, email=unique("a") + "@example.com")
    b = _person(http, email=unique("b") + "@example.com")
    params = {"email": a["email"], "last_name": b["last_name"]}
    both = http.get("/v2/contacts", params=params).json()["items"]
    assert both == []
    either = http.get("/v2/contacts", params={**params, "inclusive": "false"}).json()["items"]
    assert {i["data"]["id"] for i in either} == {a["id"], b["id"]}


def test_address_and_custom_field_filters(http: httpx.Client) -> None:
    city = unique("City")
    made = _person(
        http, address={"city": city, "country": "US"}, custom_fields={"external_id": city}
    )
    by_city = http.get("/v2/contacts", params={"address[city]": city}).json()["items"]
    assert [i["data"]["id"] for i in by_city] == [made["id"]]
    by_cf = http.get("/v2/contacts?custom_fields%5Bexternal_id%5D=" + city).json()["items"]
    assert [i["data"]["id"] for i in by_cf] == [made["id"]]
    gold = http.get("/v2/contacts", params={"custom_fields[Tier]": "Gold", "per_page": 100})
    assert all(i["data"]["custom_fields"]["Tier"] == "Gold" for i in gold.json()["items"])
    assert http.get("/v2/contacts", params={"custom_fields[Nope]": "x"}).status_code == 400


def test_notes_full_text_and_task_filters(http: httpx.Client) -> None:
    word = unique("zebra")
    note = http.post(
        "/v2/notes",
        json={
            "data": {
                "content": f"Met at the {word} conference",
                "resource_type": "contact",
                "resource_id": 1,
            }
        },
    ).json()["data"]
    found = http.get("/v2/notes", params={"q": word.upper()}).json()["items"]
    assert [i["data"]["id"] for i in found] == [note["id"]]
    tasks = http.get("/v2/tasks", params={"overdue": "true", "per_page": 100}).json()["items"]
    assert tasks
    assert all(i["data"]["overdue"] and not i["data"]["completed"] for i in tasks)
    floating = http.get("/v2/tasks", params={"type": "floating", "per_page": 100}).json()["items"]
    assert floating
    assert all("resource_type" not in i["data"] for i in floating)
    done = http.get("/v2/tasks", params={"completed": "true", "per_page": 100}).json()["items"]
    assert done
    assert all(i["data"]["completed_at"] for i in done)
    remind = http.get("/v2/tasks", params={"remind": "true", "per_page": 100}).json()["items"]
    assert remind
    assert all(i["data"]["remind_at"] for i in remind)
