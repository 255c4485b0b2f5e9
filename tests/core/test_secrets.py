"""No secret (token, password, api key) appears in the TOML, the journal, logs, exception
text, CLI output or reprs: known secrets are planted and every output is searched."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from console.config.paths import config_file, journal_file, secrets_file
from console.config.store import load_profile
from console.errors import ConsoleError
from console.journal import Journal
from console.service.service import Service
from tests.conftest import FAST
from tests.core.cli_helpers import cli

PLANTED = "planted-secret-" + "7d1f0c9ab2e4"


def _config_dir() -> Path:
    return Path(os.environ["CRM_CONSOLE_CONFIG_DIR"])


def test_profile_add_keeps_secrets_out_of_the_toml(sandbox) -> None:  # type: ignore[no-untyped-def]
    tt = sandbox.config["totango"]
    run = cli(
        "profile",
        "add",
        "work",
        "--vendor",
        "totango",
        f"base_url={tt['base_url']}",
        "app_token=-",
        stdin=tt["app_token"] + "\n",
    )
    assert run.code == 0, run.err
    assert "file store" in run.out
    toml = config_file().read_text()
    assert tt["app_token"] not in toml
    assert "base_url" in toml
    mode = stat.S_IMODE(secrets_file().stat().st_mode)
    assert mode == 0o600
    assert tt["app_token"] in secrets_file().read_text()
    profile = load_profile("work")
    assert profile.totango is not None
    assert profile.totango.app_token is not None
    assert profile.totango.app_token.get_secret_value() == tt["app_token"]
    assert tt["app_token"] not in repr(profile)
    listing = cli("profile", "list", "--json")
    assert tt["app_token"] not in listing.out + listing.err
    tested = cli("profile", "test", "work")
    assert tested.code == 0, tested.out + tested.err
    assert tt["app_token"] not in tested.out + tested.err


def test_environment_overrides_the_stored_secret(sandbox) -> None:  # type: ignore[no-untyped-def]
    tt = sandbox.config["totango"]
    assert (
        cli(
            "profile",
            "add",
            "work",
            "--vendor",
            "totango",
            f"base_url={tt['base_url']}",
            f"app_token={PLANTED}",
        ).code
        == 0
    )
    bad = cli("profile", "test", "work")
    assert bad.code == 1
    assert PLANTED not in bad.out + bad.err
    good = cli("profile", "test", "work", env={"CRM_CONSOLE_TOTANGO_APP_TOKEN": tt["app_token"]})
    assert good.code == 0, good.out


async def test_no_secret_in_journal_logs_or_errors(
    sandbox,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    from console.sandbox.profile import sandbox_profile

    caplog.set_level(logging.DEBUG)
    tt = sandbox.config["totango"]
    good = sandbox_profile({"totango": tt})
    bad = sandbox_profile({"totango": {**tt, "app_token": PLANTED}})
    journal = Journal(journal_file())
    texts: list[str] = []
    async with Service(good, journal=journal, settings=FAST) as svc:
        await svc.call("totango.searchAccounts", {"count": 1})
        # A raw request whose inputs carry a secret-looking header and body.
        await svc.call(
            "totango.rawRequest",
            {
                "method": "POST",
                "url": "/api/v1/search/accounts",
                "headers": {"X-Api-Key": PLANTED},
                "form": {"query": '{"terms": []}', "password": PLANTED},
            },
        )
    async with Service(bad, journal=journal, settings=FAST) as svc:
        with pytest.raises(ConsoleError) as err:
            await svc.call("totango.searchAccounts", {"count": 1})
        texts += [str(err.value), repr(err.value), str(err.value.to_dict())]
    journal.close()
    texts.append(journal_file().read_bytes().decode("utf-8", "replace"))
    texts.append(caplog.text)
    texts.append(repr(good) + repr(bad))
    for secret in (PLANTED, tt["app_token"]):
        for text in texts:
            assert secret not in text
    assert "***" in journal_file().read_bytes().decode("utf-8", "replace")
