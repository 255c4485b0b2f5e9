"""The issue's day-one tasks, keyboard only, at 80x24, against a sandbox of their own.

Each test presses keys as an agent would and then checks what the vendor (the sandbox)
received and now holds, not only what the screen says.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen

from console.sandbox.server import EmbeddedSandbox
from console.service.results import jsonable
from screens.app import ConsoleApp
from screens.bulk import BulkResultsScreen
from screens.confirm import ConfirmScreen
from screens.form import FormScreen
from screens.list_view import RecordListView
from screens.server_filters import ServerFiltersScreen
from tests.conftest import Admin
from tests.ui.conftest import MakeApp
from tests.ui.form_helpers import editor_input, select_of
from tests.ui.form_helpers import settle as settle_form
from tests.ui.helpers import active_list, settle, wait_for

SIZE = (80, 24)
S = TypeVar("S", bound=Screen[Any])


async def data(app: ConsoleApp, endpoint_id: str, **inputs: Any) -> Any:
    """What the vendor holds now (read through the service, outside the UI)."""
    return jsonable((await app.service.call(endpoint_id, inputs, quiet=True)).data)


async def on_screen(pilot: Pilot[Any], kind: type[S]) -> S:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind))
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


async def the_list(pilot: Pilot[Any], list_id: str) -> RecordListView:
    await wait_for(
        pilot, lambda: (v := active_list(pilot.app)) is not None and v.spec.id == list_id
    )
    return await settle(pilot)


async def filtered(pilot: Pilot[Any], view: RecordListView, ok: Any) -> None:
    """Wait until the list has reloaded with the vendor-side filter applied."""
    await wait_for(
        pilot,
        lambda: (
            view.table.loaded > 0 and not view.cached and all(ok(r) for r in view.records.values())
        ),
    )
    await settle(pilot)


async def choose(pilot: Pilot[Any], value: str) -> None:
    """Open the focused Select with Enter, move to `value` with the arrows, take it."""
    from textual.widgets import Select

    select = pilot.app.focused
    assert isinstance(select, Select), select
    await pilot.press("enter")
    for _ in range(40):
        if select.value == value:
            break
        await pilot.press("down", "enter")
        if select.value == value:
            break
        await pilot.press("enter")
    assert select.value == value
    await pilot.pause()


async def cursor_to(
    pilot: Pilot[Any], view: RecordListView, ok: Any, *, within: int | None = None
) -> dict[str, Any]:
    """Press down, as an agent would, until the row under the cursor passes `ok`."""
    for _ in range(len(view.records) if within is None else within):
        record = view.current()
        if record is not None and ok(record):
            return record
        await pilot.press("down")
    raise AssertionError(f"no matching row in the first {within or len(view.records)}")


async def send(pilot: Pilot[Any], form: FormScreen) -> None:
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: form.attempts > 0 and not form.sending)
    await wait_for(pilot, lambda: form not in pilot.app.screen_stack)


async def test_find_a_contact_by_email_and_add_a_task(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    admin = Admin(fresh_sandbox.base_url("zendesk_sell"))
    app = make_app(fresh_sandbox)
    async with app.run_test(size=SIZE) as pilot:
        contacts = await the_list(pilot, "zendesk_sell.contacts")
        # Someone far beyond the first page, so only the vendor's filter can find them.
        far = await data(app, "zendesk_sell.listContacts", page=4, per_page=100)
        person = next(c for c in far if c.get("email") and not c.get("is_organization"))
        assert person["id"] not in contacts.records

        await pilot.press("f")
        await on_screen(pilot, ServerFiltersScreen)
        await pilot.press(*person["email"], "enter")
        await filtered(pilot, contacts, lambda r: r["email"] == person["email"])
        assert contacts.current()["id"] == person["id"]  # type: ignore[index]

        admin.clear_requests()
        await pilot.press("t")
        form = await on_screen(pilot, FormScreen)
        await settle_form(pilot, form)
        assert form.row("resource_id").value() == person["id"]
        assert app.focused is editor_input(form.row("content"))
        await pilot.press(*"Call back about the renewal")
        await send(pilot, form)

        posted = admin.requests(method="POST", path="/v2/tasks")
        assert len(posted) == 1
        tasks = await data(
            app, "zendesk_sell.listTasks", resource_type="contact", resource_id=person["id"]
        )
        assert "Call back about the renewal" in [t["content"] for t in tasks]
    admin.http.close()


async def test_pause_every_running_tracker_of_one_cadence(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    admin = Admin(fresh_sandbox.base_url("salesforce"))
    app = make_app(fresh_sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await the_list(pilot, "zendesk_sell.contacts")
        running = await data(app, "salesforce.listCadenceTrackers", state="Running", batchSize=2000)
        counts = Counter(t["ActionCadence"]["Name"] for t in running)
        cadence, count = counts.most_common(1)[0]
        assert count >= 2

        await pilot.press("1")
        trackers = await the_list(pilot, "salesforce.trackers")
        await pilot.press("f")
        await on_screen(pilot, ServerFiltersScreen)
        await choose(pilot, "Running")
        await pilot.press("tab", *cadence, "enter")
        await filtered(
            pilot,
            trackers,
            lambda r: r["State"] == "Running" and r["ActionCadence"]["Name"] == cadence,
        )
        assert trackers.table.loaded == count

        admin.clear_requests()
        await pilot.press("asterisk", "p")
        form = await on_screen(pilot, FormScreen)  # the fields all of them share
        await settle_form(pilot, form)
        await pilot.press("ctrl+s")
        confirm = await on_screen(pilot, ConfirmScreen)
        assert str(count) in confirm.question
        await pilot.press("enter")
        results = await on_screen(pilot, BulkResultsScreen)
        assert (results.ok, results.failed) == (count, 0)

        sent = [r for r in admin.requests(method="POST") if "pauseSalesCadenceTracker" in r["path"]]
        assert len(sent) == 1  # one batch of `count` inputs, not `count` requests
        left = await data(
            app, "salesforce.listCadenceTrackers", state="Running", cadenceName=cadence
        )
        assert left == []
        paused = await data(
            app, "salesforce.listCadenceTrackers", state="Paused", cadenceName=cadence
        )
        assert {t["Id"] for t in paused} >= set(trackers.records)
    admin.http.close()


async def test_skip_the_current_step_of_a_tracker(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(fresh_sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await the_list(pilot, "zendesk_sell.contacts")
        await pilot.press("1")
        trackers = await the_list(pilot, "salesforce.trackers")
        tracker = await cursor_to(
            pilot, trackers, lambda t: t["State"] == "Running" and t.get("CurrentStepId"), within=30
        )
        current_step = tracker["CurrentStepId"]

        await pilot.press("right_square_bracket", "right_square_bracket")
        steps = await the_list(pilot, "salesforce.step_trackers")
        await cursor_to(pilot, steps, lambda s: s["Id"] == current_step)

        await pilot.press("z")
        await on_screen(pilot, ConfirmScreen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        after = await data(app, "salesforce.listCadenceTrackers", trackerId=tracker["Id"])
        assert after[0].get("CurrentStepId") != current_step
        soql = "SELECT State, CompletionReason FROM ActionCadenceStepTracker WHERE Id = '{}'"
        step = await data(app, "salesforce.query", q=soql.format(current_step))
        assert (step[0]["State"], step[0]["CompletionReason"]) == ("Completed", "Skipped")


async def test_move_a_deal_to_another_stage(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    admin = Admin(fresh_sandbox.base_url("zendesk_sell"))
    app = make_app(fresh_sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await the_list(pilot, "zendesk_sell.contacts")
        await pilot.press("right_square_bracket")
        deals = await the_list(pilot, "zendesk_sell.deals")
        deal = deals.current()
        assert deal is not None
        admin.clear_requests()

        await pilot.press("v")
        form = await on_screen(pilot, FormScreen)
        await settle_form(pilot, form)
        stage = select_of(form.row("stage_id"))
        assert app.focused is stage
        await pilot.press("enter", "down", "enter")  # the next stage in the picker
        assert stage.value not in (deal["stage_id"], stage.NULL)
        moved_to = int(str(stage.value))
        await send(pilot, form)

        sent = admin.requests(method="PUT")
        assert [r["path"] for r in sent] == [f"/v2/deals/{deal['id']}"]
        assert "stage_id" in sent[0]["body"]
        assert "name" not in sent[0]["body"]
        assert (await data(app, "zendesk_sell.getDeal", id=deal["id"]))["stage_id"] == moved_to
        await wait_for(pilot, lambda: deals.records[deal["id"]]["stage_id"] == moved_to)
    admin.http.close()


async def test_create_an_sf_button_for_an_unused_call_rating(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(fresh_sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await the_list(pilot, "zendesk_sell.contacts")
        await pilot.press("3", "right_square_bracket")
        ratings = await the_list(pilot, "infinity.ratings")
        await pilot.press("f")
        await on_screen(pilot, ServerFiltersScreen)
        await choose(pilot, "no")
        await pilot.press("ctrl+s")
        await filtered(pilot, ratings, lambda r: str(r["isUsed"]) == "0")
        rating = ratings.current()
        assert rating is not None

        await pilot.press("b")
        form = await on_screen(pilot, FormScreen)
        await settle_form(pilot, form)
        assert form.row("callRating").value() == rating["callRating"]
        action = select_of(form.row("buttonAction"))
        assert app.focused is action  # the first field the rating does not fill
        await pilot.press("enter", "down", "enter")
        assert action.value not in (None, action.NULL)
        await pilot.press("tab")
        assert app.focused is editor_input(form.row("buttonLabel"))
        await pilot.press(*"Book a demo")
        await send(pilot, form)

        buttons = await data(app, "infinity.listSfButtons", limit=500)
        made = [b for b in buttons if b.get("buttonLabel") == "Book a demo"]
        assert [b["callRating"] for b in made] == [rating["callRating"]]
        await wait_for(pilot, lambda: rating["callRatingItemId"] not in ratings.records)


async def test_run_a_successplay_on_an_account_found_by_name(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    admin = Admin(fresh_sandbox.base_url("totango"))
    app = make_app(fresh_sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await the_list(pilot, "zendesk_sell.contacts")
        await pilot.press("4")
        accounts = await the_list(pilot, "totango.accounts")
        later = await data(app, "totango.searchAccounts", count=50, offset=150)
        wanted = later[0]
        part = str(wanted["display_name"]).split()[0][:6]

        await pilot.press("f")
        await on_screen(pilot, ServerFiltersScreen)
        await pilot.press(*part, "enter")
        await filtered(pilot, accounts, lambda r: part.lower() in r["display_name"].lower())
        await cursor_to(pilot, accounts, lambda a: a["name"] == wanted["name"])
        admin.clear_requests()

        await pilot.press("r")
        form = await on_screen(pilot, FormScreen)
        await settle_form(pilot, form)
        assert form.row("accountId").value() == wanted["name"]
        play = select_of(form.row("successplayId"))
        assert app.focused is play
        await pilot.press("enter", "down", "enter")
        assert play.value not in (None, play.NULL)
        await send(pilot, form)

        sent = admin.requests(method="POST", path="/api/v2/automations/run-manual-successplay")
        assert len(sent) == 1
        assert wanted["name"] in sent[0]["body"]
        assert str(play.value) in sent[0]["body"]
        await pilot.press("right_square_bracket")  # the runs this console made, from the journal
        runs = await the_list(pilot, "totango.runs")
        assert len(runs.records) == 1
        names = {v: k for k, v in app.service.profile.totango.successplays.items()}
        (run,) = runs.records.values()
        assert runs._row(run)["play"] == names[str(play.value)]  # its name, not its id
    admin.http.close()


async def test_ctrl_p_create_contact_enter_opens_the_form_with_last_name(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await the_list(pilot, "zendesk_sell.contacts")
        await pilot.press("ctrl+p")
        palette = await on_screen(pilot, CommandPalette)
        await pilot.press(*"create contact")
        found = palette.query_one(CommandList)

        def best() -> str:
            return str(found.get_option_at_index(0).prompt) if found.option_count else ""

        await wait_for(pilot, lambda: "Zendesk Sell: Create Contact" in best())
        await pilot.press("enter")
        form = await on_screen(pilot, FormScreen)
        assert form.endpoint.id == "zendesk_sell.createContact"
        assert "last_name" in [r.spec.name for r in form.rows]
