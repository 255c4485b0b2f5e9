"""Generated forms: validation beside fields, vendor errors kept in the form, read-only refusal."""

from __future__ import annotations

from typing import Any

from console.sandbox.server import EmbeddedSandbox
from console.service.results import CallResult, jsonable
from screens.form import FormScreen
from tests.conftest import Admin
from tests.ui.conftest import MakeApp
from tests.ui.form_helpers import editor_input, open_form, select_of, settle, submit, type_into
from widgets.form_kinds import UNSET


async def test_create_contact_refuses_an_empty_person_beside_last_name_then_sends(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    admin = Admin(fresh_sandbox.base_url("zendesk_sell"))
    app = make_app(fresh_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_form(pilot, app, "zendesk_sell.createContact")
        names = [row.spec.name for row in screen.rows]
        assert "last_name" in names
        assert "first_name" in names
        admin.clear_requests()

        await submit(pilot, screen)
        last_name = screen.row("last_name")
        assert "needs a last_name" in last_name.error
        assert app.focused is editor_input(last_name)
        assert [r.spec.name for r in screen.rows if r.error] == ["last_name"]
        assert "Nothing was sent" in screen.outcome_panel.text
        assert app.screen is screen
        assert results == []
        assert admin.requests(method="POST") == []

        await type_into(pilot, screen.row("first_name"), "Ada")
        await type_into(pilot, last_name, "Lovelace")
        await submit(pilot, screen, "f6")  # the fallback key sends too
        assert len(results) == 1, (screen.outcome_panel.text, app.focused, app.screen)
        assert isinstance(results[0], CallResult)
        created = jsonable(results[0].data)
        assert (created["first_name"], created["last_name"]) == ("Ada", "Lovelace")
        assert app.screen is not screen
        posted = admin.requests(method="POST", path="/v2/contacts")
        assert len(posted) == 1
        assert "Lovelace" in posted[0]["body"]
    admin.http.close()


async def test_a_vendor_422_shows_code_message_and_request_id_and_keeps_every_value(
    sandbox: EmbeddedSandbox, admin: dict[str, Admin], make_app: MakeApp
) -> None:
    app = make_app(sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_form(pilot, app, "zendesk_sell.createDeal")
        await type_into(pilot, screen.row("name"), "Big deal")
        await pilot.press("enter")  # Enter moves on to the next field: contact_id
        assert app.focused is editor_input(screen.row("contact_id"))
        await pilot.press(*"99999999")
        await type_into(pilot, screen.row("currency"), "EUR")
        await submit(pilot, screen)

        sent = admin["zendesk_sell"].requests(method="POST", path="/v2/deals")
        seen = admin["zendesk_sell"].requests()
        assert len(sent) == 1, (screen.outcome_panel.text, [(r["method"], r["path"]) for r in seen])
        assert sent[0]["status"] == 422
        panel = screen.outcome_panel.text
        assert panel.startswith("Rejected by vendor")
        assert "code incorrect_value" in panel
        assert "422" in panel
        assert "contact_id refers to a record that does not exist" in panel
        assert f"request id {sent[0]['request_id']}" in panel
        assert "incorrect value" in screen.row("contact_id").error
        assert app.screen is screen
        assert results == []
        typed = {n: editor_input(screen.row(n)).value for n in ("name", "contact_id", "currency")}
        assert typed == {"name": "Big deal", "contact_id": "99999999", "currency": "EUR"}


async def test_read_only_mode_refuses_in_the_form_and_sends_nothing(
    sandbox: EmbeddedSandbox, admin: dict[str, Admin], make_app: MakeApp
) -> None:
    app = make_app(sandbox, read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_form(pilot, app, "zendesk_sell.createContact")
        assert "Read-only mode" in str(screen.query_one("#form-note").render())
        await type_into(pilot, screen.row("last_name"), "Hopper")
        await submit(pilot, screen)
        assert screen.outcome_panel.title == "Read-only mode"
        assert "nothing was sent" in screen.outcome_panel.text
        assert admin["zendesk_sell"].requests(method="POST") == []
        assert editor_input(screen.row("last_name")).value == "Hopper"
        assert app.screen is screen
        assert results == []


async def test_a_failed_action_item_shows_as_an_error_and_marks_its_field(
    sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        running = await _running_target(pilot, app)
        screen, results = await open_form(
            pilot, app, "salesforce.pauseSalesCadenceTracker", prefill={"targetId": running}
        )
        # A time in the past, typed the short way (no seconds, no zone: UTC).
        await type_into(pilot, screen.row("resumeTime"), "2020-01-01 10:00")
        await submit(pilot, screen)
        assert screen.outcome_panel.title == "Action failed"
        assert "resume time must be in the future" in screen.outcome_panel.text
        assert screen.row("resumeTime").error
        assert app.screen is screen
        assert results == []


async def _running_target(pilot: Any, app: Any) -> str:
    from tests.ui.form_helpers import until_ready

    await until_ready(pilot, app)
    got = await app.service.call("salesforce.listCadenceTrackers", {"state": "Running", "limit": 1})
    return str(jsonable(got.data)[0]["TargetId"])


async def test_move_stage_opens_a_form_of_only_the_id_and_the_stage(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        from tests.ui.form_helpers import until_ready

        await until_ready(pilot, app)
        await pilot.press("right_square_bracket")  # Contacts -> Deals
        await until_ready(pilot, app)
        await pilot.press("v")
        for _ in range(50):
            await pilot.pause(0.02)
            if isinstance(app.screen, FormScreen):
                break
        screen = app.screen
        assert isinstance(screen, FormScreen)
        await settle(pilot, screen)
        assert [r.spec.name for r in screen.rows] == ["id", "stage_id"]
        assert screen.row("id").spec.editor == "fixed"  # the path id from the record
        assert screen.row("id").value() not in (UNSET, None)
        assert screen.row("stage_id").spec.editor == "picker"
        assert app.focused is select_of(screen.row("stage_id"))  # the first field to change
        await pilot.press("escape")
        assert not isinstance(app.screen, FormScreen)
