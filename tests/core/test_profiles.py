"""Profiles: TOML without secrets, secret stores, env overrides, defaults and removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.config.credentials import TotangoCredentials, ZendeskSellCredentials
from console.config.secrets import FileSecrets, secret_store
from console.config.store import (
    default_profile_name,
    load_config,
    load_profile,
    remove_profile,
    save_profile_vendor,
    set_default_profile,
)
from console.errors import ConfigError


def test_no_profile_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="No profile"):
        load_profile()


def test_save_and_load_round_trip_with_secrets_apart() -> None:
    creds = ZendeskSellCredentials(
        access_token="z" * 64, client_id="cid", client_secret="cs-123456"
    )
    save_profile_vendor("work", "zendesk_sell", creds)
    config = load_config()
    assert config["default_profile"] == "work"
    assert config["profiles"]["work"]["zendesk_sell"] == {
        "base_url": "https://api.getbase.com",
        "client_id": "cid",
    }
    loaded = load_profile("work")
    assert loaded.zendesk_sell is not None
    assert loaded.zendesk_sell.access_token is not None
    assert loaded.zendesk_sell.access_token.get_secret_value() == "z" * 64
    assert loaded.zendesk_sell.client_secret is not None
    assert "z" * 64 not in repr(loaded)


def test_env_overrides_and_env_only_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_CONSOLE_TOTANGO_APP_TOKEN", "from-env-token")
    monkeypatch.setenv("CRM_CONSOLE_TOTANGO_REGION", "eu")
    profile = load_profile()
    assert profile.name == "env"
    assert profile.totango is not None
    assert profile.totango.effective_base_url == "https://api-eu1.totango.com"
    save_profile_vendor("work", "totango", TotangoCredentials(app_token="stored-token"))
    profile = load_profile("work")
    assert profile.totango is not None
    assert profile.totango.app_token is not None
    assert profile.totango.app_token.get_secret_value() == "from-env-token"


def test_read_only_from_profile_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    save_profile_vendor("ops", "totango", TotangoCredentials(app_token="t-123456"), read_only=True)
    assert load_profile("ops").read_only is True
    save_profile_vendor("dev", "totango", TotangoCredentials(app_token="t-123456"), read_only=False)
    assert load_profile("dev").read_only is False
    monkeypatch.setenv("CRM_CONSOLE_READ_ONLY", "1")
    assert load_profile("dev").read_only is True


def test_default_selection_and_removal(monkeypatch: pytest.MonkeyPatch) -> None:
    store = secret_store()
    save_profile_vendor("a", "totango", TotangoCredentials(app_token="token-a-123"))
    save_profile_vendor("b", "totango", TotangoCredentials(app_token="token-b-123"))
    assert default_profile_name() == "a"
    set_default_profile("b")
    assert default_profile_name() == "b"
    monkeypatch.setenv("CRM_CONSOLE_PROFILE", "a")
    assert default_profile_name() == "a"
    monkeypatch.delenv("CRM_CONSOLE_PROFILE")
    assert remove_profile("b") is True
    assert store.get("b/totango/app_token") is None
    assert default_profile_name() == "a"
    assert remove_profile("b") is False
    with pytest.raises(ConfigError):
        set_default_profile("nope")


def test_file_secret_store_is_private(tmp_path: Path) -> None:
    store = FileSecrets(tmp_path / "sub" / "secrets.json")
    store.set("k", "v-secret")
    assert store.get("k") == "v-secret"
    assert (tmp_path / "sub" / "secrets.json").stat().st_mode & 0o077 == 0
    assert (tmp_path / "sub").stat().st_mode & 0o077 == 0
    store.delete("k")
    assert store.get("k") is None


def test_keyring_is_used_when_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            self.data: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.data.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.data[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.data.pop((service, username), None)

    backend = Memory()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        monkeypatch.delenv("CRM_CONSOLE_SECRETS")
        assert secret_store().name == "keyring"
        save_profile_vendor("k", "totango", TotangoCredentials(app_token="kr-token-123"))
        assert backend.data[("crm-console", "k/totango/app_token")] == "kr-token-123"
        profile = load_profile("k")
        assert profile.totango is not None
        assert profile.totango.app_token is not None
        assert profile.totango.app_token.get_secret_value() == "kr-token-123"
    finally:
        keyring.set_keyring(previous)


def test_invalid_toml_is_a_clear_error() -> None:
    from console.config.paths import config_file

    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("this is = = not toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config()
