"""The CLI contract: endpoints --json, call exit codes, read-only refusal, journal."""

from __future__ import annotations

import json

from console.sandbox.server import EmbeddedSandbox
from tests.conftest import Admin
from tests.core.cli_helpers import cli, env_profile


def test_endpoints_json_lists_ids_fields_and_flags() -> None:
    run = cli("endpoints", "--json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    by_id = {e["id"]: e for e in data}
    ep = by_id["totango.runManualSuccessPlay"]
    assert {"id", "title", "method", "path", "mutating", "inputs"} <= set(ep)
    assert ep["mutating"] is True
    assert [f["name"] for f in ep["inputs"]] == ["successplayId", "accountId"]
    assert all(f["required"] for f in ep["inputs"])


def test_endpoints_filter_by_vendor() -> None:
    run = cli("endpoints", "--vendor", "totango", "--json")
    assert {e["vendor"] for e in json.loads(run.out)} == {"totango"}


def test_call_prints_json_and_exits_0(sandbox: EmbeddedSandbox) -> None:
    env = env_profile(sandbox.config, "totango")
    run = cli("call", "totango.searchAccounts", "count=3", env=env)
    assert run.code == 0, run.err
    hits = json.loads(run.out)
    assert len(hits) == 3
    assert all(h["name"].startswith("ACC-") for h in hits)


def test_key_value_and_input_json_merge(sandbox: EmbeddedSandbox) -> None:
    env = env_profile(sandbox.config, "totango")
    run = cli(
        "call",
        "totango.searchAccounts",
        "--input",
        '{"count": 50, "sort_by": "display_name"}',
        "count=2",
        env=env,
    )
    assert run.code == 0, run.err
    assert len(json.loads(run.out)) == 2


def test_invalid_input_exits_2_naming_each_field() -> None:
    run = cli("call", "totango.runManualSuccessPlay", "successplayId=nope")
    assert run.code == 2
    assert "successplayId" in run.err
    assert "accountId" in run.err
    assert run.out == ""


def test_unknown_endpoint_exits_2() -> None:
    run = cli("call", "totango.noSuchThing")
    assert run.code == 2
    assert "Unknown endpoint" in run.err


def test_vendor_error_exits_1_with_code_and_request_id(sandbox: EmbeddedSandbox) -> None:
    env = env_profile(sandbox.config, "totango")
    play = sandbox.config["totango"]["successplay_id"]
    run = cli(
        "call",
        "totango.runManualSuccessPlay",
        f"successplayId={play}",
        "accountId=ACC-00000",
        env=env,
    )
    assert run.code == 1
    assert "ACCOUNT_NOT_FOUND" in run.err
    assert "request_id=" in run.err
    assert "request_id=-" not in run.err


def test_read_only_refuses_before_any_request(
    sandbox: EmbeddedSandbox, admin: dict[str, Admin]
) -> None:
    env = env_profile(sandbox.config, "totango")
    play = sandbox.config["totango"]["successplay_id"]
    run = cli(
        "--read-only",
        "call",
        "totango.runManualSuccessPlay",
        f"successplayId={play}",
        "accountId=ACC-10001",
        env=env,
    )
    assert run.code == 2
    assert "read-only" in run.err
    assert admin["totango"].requests() == []
    journal = json.loads(cli("journal", "--json").out)
    assert journal[-1]["outcome"] == "refused"


def test_read_only_from_the_environment(sandbox: EmbeddedSandbox, admin: dict[str, Admin]) -> None:
    env = {**env_profile(sandbox.config, "totango"), "CRM_CONSOLE_READ_ONLY": "1"}
    play = sandbox.config["totango"]["successplay_id"]
    run = cli(
        "call",
        "totango.runManualSuccessPlay",
        f"successplayId={play}",
        "accountId=ACC-10001",
        env=env,
    )
    assert run.code == 2
    assert admin["totango"].requests() == []


def test_journal_records_calls(sandbox: EmbeddedSandbox) -> None:
    env = env_profile(sandbox.config, "totango")
    assert cli("call", "totango.searchAccounts", "count=1", env=env).code == 0
    entries = json.loads(cli("journal", "--json", "--tail", "5").out)
    last = entries[-1]
    assert last["endpoint"] == "totango.searchAccounts"
    assert last["outcome"] == "ok"
    assert last["status"] == 200
    assert last["request_id"]
    human = cli("journal").out
    assert "totango.searchAccounts" in human


# -- the issue's own acceptance commands -------------------------------------------------------


def test_sandbox_list_contacts_prints_five() -> None:
    run = cli("call", "--sandbox", "zendesk_sell.listContacts", "per_page=5")
    assert run.code == 0, run.err
    contacts = json.loads(run.out)
    assert len(contacts) == 5
    assert all("id" in c for c in contacts)


def test_create_without_its_required_name_exits_2_naming_the_field() -> None:
    run = cli("call", "--sandbox", "zendesk_sell.createContact", "first_name=Ada")
    assert run.code == 2
    assert "last_name" in run.err
    org = cli("call", "--sandbox", "zendesk_sell.createContact", "is_organization=true")
    assert org.code == 2
    assert "name" in org.err


def test_read_only_delete_is_refused_before_any_request(
    sandbox: EmbeddedSandbox, admin: dict[str, Admin]
) -> None:
    assert cli("--read-only", "call", "--sandbox", "zendesk_sell.deleteContact", "id=1").code == 2
    env = env_profile(sandbox.config, "zendesk_sell")
    run = cli("--read-only", "call", "zendesk_sell.deleteContact", "id=1", env=env)
    assert run.code == 2
    assert "read-only" in run.err
    assert admin["zendesk_sell"].requests() == []


def test_a_batch_from_an_input_file(fresh_sandbox: EmbeddedSandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = env_profile(fresh_sandbox.config, "salesforce")
    targets = json.loads(
        cli(
            "call",
            "salesforce.query",
            "q=SELECT TargetId FROM ActionCadenceTracker WHERE State = 'Running' LIMIT 3",
            env=env,
        ).out
    )
    batch = tmp_path / "batch.json"
    batch.write_text(
        json.dumps(
            [{"targetId": t["TargetId"]} for t in targets] + [{"targetId": "003000000000000AAA"}]
        )
    )
    run = cli("call", "salesforce.pauseSalesCadenceTracker", "--input", f"@{batch}", env=env)
    results = json.loads(run.out)
    assert [r["ok"] for r in results] == [True, True, True, False]
    assert run.code == 1
    assert "1 of 4 inputs failed" in run.err
