"""What an empty list says: loading, no records, or that its load failed (not "Loading…")."""

from __future__ import annotations

from console.sandbox.server import EmbeddedSandbox
from tests.conftest import Admin
from tests.ui.conftest import MakeApp
from tests.ui.helpers import active_list, painted_text, settle, wait_for


async def test_a_list_with_nothing_in_it_says_no_records(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)  # a journal of its own: no SuccessPlay was run yet
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4", "right_square_bracket")
        await wait_for(pilot, lambda: (v := active_list(app)) is not None and v._started)
        view = await settle(pilot, rows=False)
        assert view.spec.id == "totango.runs"
        await wait_for(pilot, lambda: view.table.empty_text == "No records")
        await pilot.pause()
        assert "No records" in painted_text(app)
        assert "Loading…" not in painted_text(app)


async def test_a_failed_load_says_so_and_m_tries_again(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    admin = Admin(fresh_sandbox.base_url("zendesk_sell"))
    admin.faults(error_rate=1.0, error_status=500)
    app = make_app(fresh_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: (v := active_list(app)) is not None and v._started)
        view = active_list(app)
        assert view is not None
        failed = "Nothing loaded · m: try again"
        await wait_for(pilot, lambda: view.table.empty_text == failed)
        assert view.table.loaded == 0
        admin.reset_faults()
        await pilot.press("m")
        await settle(pilot)
        assert view.table.loaded == 100
    admin.http.close()


async def test_a_journal_list_is_read_again_each_time_it_is_shown(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(fresh_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4", "right_square_bracket")  # SuccessPlay runs: none yet
        await wait_for(pilot, lambda: (v := active_list(app)) is not None and v._started)
        runs = await settle(pilot, rows=False)
        await wait_for(pilot, lambda: runs.table.empty_text == "No records")
        await pilot.press("left_square_bracket")  # back to the accounts, and a run from here
        accounts = await settle(pilot)
        profile = app.service.profile.totango
        assert profile is not None
        play = next(iter(profile.successplays.values()))
        account = next(iter(accounts.records.values()))["name"]
        await app.service.call(
            "totango.runManualSuccessPlay", {"successplayId": play, "accountId": account}
        )
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: runs.table.loaded == 1)
        (run,) = runs.records.values()
        assert run["inputs"]["accountId"] == account
