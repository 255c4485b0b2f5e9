"""The profiles screen (F4): list, test, add a vendor, remove, default, switch; no secrets shown."""

from __future__ import annotations

from typing import Any

import pytest

from console.config.credentials import TotangoCredentials, ZendeskSellCredentials
from console.config.secrets import FileSecrets, secret_key
from console.config.store import load_config, save_profile_vendor
from console.sandbox.server import EmbeddedSandbox
from screens.confirm import ConfirmScreen
from screens.main import MainScreen
from screens.profile_form import VendorForm
from screens.profiles import ProfilesScreen
from tests.ui.conftest import MakeApp
from tests.ui.helpers import painted_text, settle_focused, wait_for


@pytest.fixture
def profiles(ui_sandbox: EmbeddedSandbox) -> dict[str, str]:
    """Two profiles on the sandbox: `work` (good tokens) and `broken` (a wrong token)."""
    zs, tt = ui_sandbox.config["zendesk_sell"], ui_sandbox.config["totango"]
    good = ZendeskSellCredentials(base_url=zs["base_url"], access_token=zs["access_token"])
    save_profile_vendor("work", "zendesk_sell", good)
    save_profile_vendor(
        "work", "totango", TotangoCredentials(base_url=tt["base_url"], app_token=tt["app_token"])
    )
    wrong = ZendeskSellCredentials(base_url=zs["base_url"], access_token="wrong-token-5150")
    save_profile_vendor("broken", "zendesk_sell", wrong, read_only=True)
    return {"zendesk": zs["access_token"], "totango": tt["app_token"], "wrong": "wrong-token-5150"}


async def open_profiles(pilot: Any, rows: int) -> ProfilesScreen:
    await settle_focused(pilot)
    await pilot.press("f4")
    screen = pilot.app.screen
    assert isinstance(screen, ProfilesScreen)
    await wait_for(pilot, lambda: len(screen.rows) == rows)
    return screen


def select(screen: ProfilesScreen, name: str) -> None:
    key = next(k for k, r in screen.rows.items() if r.name == name)
    assert screen.table.move_cursor_to(key)


async def test_lists_profiles_and_the_sandbox_without_ever_showing_a_secret(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, profiles: dict[str, str]
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_profiles(pilot, 3)
        rows = list(screen.rows.values())
        assert [r.name for r in rows] == ["work", "broken", "sandbox"]
        work, broken, sandbox = rows
        assert work.default
        assert not broken.default
        assert sandbox.sandbox
        assert sandbox.current
        assert work.vendors == ["zendesk_sell", "totango"]
        assert work.secrets == {"zendesk_sell": ["access_token"], "totango": ["app_token"]}
        assert broken.read_only
        painted = painted_text(app)
        assert "•••• set" in painted
        for secret in profiles.values():
            assert secret not in painted
            assert secret not in repr(screen.rows)


async def test_test_probes_each_vendor_and_reports_ok_or_fail(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, profiles: dict[str, str]
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_profiles(pilot, 3)
        await pilot.press("t")
        await wait_for(pilot, lambda: len(screen.results.get("profile:work", {})) == 2)
        work = screen.results["profile:work"]
        assert work["zendesk_sell"].ok
        assert work["totango"].ok
        assert "ms" in work["zendesk_sell"].text
        select(screen, "broken")
        await pilot.press("t")
        await wait_for(pilot, lambda: len(screen.results.get("profile:broken", {})) == 1)
        failed = screen.results["profile:broken"]["zendesk_sell"]
        assert not failed.ok
        assert "Not authenticated" in failed.text
        assert profiles["wrong"] not in painted_text(app)
        select(screen, "sandbox")  # the session in use is tested through its own service
        await pilot.press("t")
        await wait_for(pilot, lambda: len(screen.results.get("sandbox:embedded", {})) == 4)
        assert all(r.ok for r in screen.results["sandbox:embedded"].values())


async def test_new_profile_form_checks_fields_and_keeps_secrets_out_of_the_toml(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, profiles: dict[str, str]
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_profiles(pilot, 3)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, VendorForm)
        await pilot.press("ctrl+s")  # no name yet: nothing is saved, the field says why
        assert form.query_one("#err-profile-name").has_class("shown")
        form.query_one("#vendor").value = "salesforce"  # type: ignore[attr-defined]
        await pilot.pause()
        form.query_one("#profile-name").value = "ops"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")  # salesforce needs instance_url
        assert form.query_one("#err-instance_url").has_class("shown")
        assert app.screen is form
        form.query_one("#cred-instance_url").value = "https://acme.my.salesforce.com"  # type: ignore[attr-defined]
        form.query_one("#cred-access_token").focus()
        await pilot.press(*"s3cr3t-tok")
        assert form.query_one("#cred-access_token").password  # type: ignore[attr-defined]
        assert "s3cr3t-tok" not in painted_text(app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen and len(screen.rows) == 4)
    config = load_config()
    assert (
        config["profiles"]["ops"]["salesforce"]["instance_url"] == "https://acme.my.salesforce.com"
    )
    assert "s3cr3t-tok" not in str(config)
    assert FileSecrets().get(secret_key("ops", "salesforce", "access_token")) == "s3cr3t-tok"


async def test_remove_asks_first_and_m_makes_the_default(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, profiles: dict[str, str]
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profiles(pilot, 3)
        select(screen, "broken")
        await pilot.press("m")
        await wait_for(pilot, lambda: load_config().get("default_profile") == "broken")
        await wait_for(pilot, lambda: screen.rows["profile:broken"].default)
        select(screen, "work")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # changed their mind
        assert "work" in load_config()["profiles"]
        await pilot.press("d")
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.rows) == 2)
        assert "work" not in load_config()["profiles"]
        assert FileSecrets().get(secret_key("work", "zendesk_sell", "access_token")) is None
        select(screen, "sandbox")  # the sandbox cannot be removed
        assert screen.check_action("remove", ()) is None


async def test_enter_switches_the_console_to_the_profile(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, profiles: dict[str, str]
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profiles(pilot, 3)
        select(screen, "work")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.ready and app.profile_name == "work")
        assert isinstance(app.screen, MainScreen)
        assert not app.on_sandbox
        await settle_focused(pilot)  # the lists load again, now through the work profile
        await app.action_quit()
