"""The Firehose live tail (F5 and the Zendesk Sell pane): new events, history, pause,
event-type and stream filters, and a 410 that starts a stream again from its tail."""

from __future__ import annotations

from typing import Any

import pytest

from console.errors import ServerError
from console.sandbox.server import EmbeddedSandbox
from screens.firehose import FirehoseScreen
from screens.firehose_tail import FirehoseTail
from screens.record_modal import RecordModal
from screens.stream_picker import StreamPicker
from tests.ui.conftest import MakeApp
from tests.ui.helpers import settle_focused, wait_for


def rows(tail: FirehoseTail) -> list[dict[str, Any]]:
    store = tail.table._store
    return [dict(store.row(slot)) for slot in store.view]  # type: ignore[call-overload]


async def open_tail(pilot: Any, *, history: bool = False) -> FirehoseTail:
    await settle_focused(pilot)
    await pilot.press("f5")
    screen = pilot.app.screen
    assert isinstance(screen, FirehoseScreen)
    tail = screen.query_one(FirehoseTail)
    if history:
        await pilot.press("t")
    await wait_for(pilot, lambda: len(tail.positions) == 6 and not tail.behind and not tail.paused)
    return tail


async def test_from_top_only_new_events_arrive_and_pause_holds_them(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(fresh_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        tail = await open_tail(pilot)
        assert tail.start == "top"
        assert rows(tail) == []
        created = await app.service.call("zendesk_sell.createContact", {"last_name": "Tailer"})
        contact_id = created.data.id
        await pilot.press("ctrl+r")  # read now rather than within the second
        await wait_for(pilot, lambda: len(rows(tail)) == 1)
        (event,) = rows(tail)
        assert (event["resource"], event["event"], event["id"]) == (
            "contacts",
            "created",
            contact_id,
        )
        assert event["what"] == "Tailer"
        await pilot.press("p")
        assert tail.paused
        await app.service.call(
            "zendesk_sell.updateContact", {"id": contact_id, "first_name": "Tina"}
        )
        await pilot.press("ctrl+r")
        await pilot.pause(0.3)
        assert len(rows(tail)) == 1  # paused: nothing read
        await pilot.press("p")  # resume: the position was kept, so nothing is missed
        await wait_for(pilot, lambda: len(rows(tail)) == 2)
        newest = rows(tail)[0]
        assert newest["event"] == "updated"
        assert "first_name" in newest["changed"]
        await pilot.press("enter")
        assert isinstance(app.screen, RecordModal)
        await pilot.press("y")
        assert '"event_type": "updated"' in app.clipboard
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, FirehoseScreen)


async def test_history_from_tail_with_event_type_and_stream_filters(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        tail = await open_tail(pilot, history=True)
        assert tail.start == "tail"
        everything = rows(tail)
        assert {r["resource"] for r in everything} == set(tail.streams)
        times = [r["time"] for r in everything]
        assert times == sorted(times, reverse=True)  # newest first
        updated = [r for r in everything if r["event"] == "updated"]
        assert updated
        assert all("stage_id" in r["changed"] for r in updated)
        await pilot.press("e")
        assert tail.event_type == "created"
        assert len(rows(tail)) == len(everything) - len(updated)
        await pilot.press("e")
        assert [r["key"] for r in rows(tail)] == [r["key"] for r in updated]
        await pilot.press("e", "e")  # deleted, then all again
        assert len(rows(tail)) == len(everything)
        await pilot.press("r")
        picker = app.screen
        assert isinstance(picker, StreamPicker)
        picker.query_one("SelectionList").deselect_all()  # type: ignore[attr-defined]
        picker.query_one("SelectionList").select("deals")  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert tail.streams == ("deals",)
        assert {r["resource"] for r in rows(tail)} == {"deals"}


async def test_an_expired_position_restarts_the_stream_from_tail_with_a_notice(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(ui_sandbox)
    notices: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        tail = await open_tail(pilot)
        monkeypatch.setattr(app, "notify", lambda message, **kw: notices.append(message))
        tail.positions["contacts"] = "bm90LW91cnM"  # a position the Firehose never issued
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: any(r["resource"] == "contacts" for r in rows(tail)))
        assert any("contacts" in n and "expired" in n for n in notices)
        assert not tail.paused


async def test_another_error_pauses_the_tail_and_says_so(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        tail = await open_tail(pilot)
        reported: list[BaseException] = []
        monkeypatch.setattr(app, "report_error", lambda error, **kw: reported.append(error))

        async def failing(*args: Any, **kwargs: Any) -> Any:
            raise ServerError("Firehose unavailable", vendor="zendesk_sell", status=503)

        monkeypatch.setattr(app.service, "call", failing)
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: tail.paused)
        assert isinstance(reported[0], ServerError)
        assert "paused after an error" in str(tail.query_one("#tail-title").render())


async def test_the_zendesk_tab_has_a_firehose_pane_that_reads_only_while_shown(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_focused(pilot)
        assert not app.screen.query(FirehoseTail)  # built the first time it is shown
        await pilot.press("left_square_bracket")  # from Contacts back round to Firehose
        await wait_for(pilot, lambda: bool(app.screen.query(FirehoseTail)))
        tail = app.screen.query_one(FirehoseTail)
        await wait_for(pilot, lambda: len(tail.positions) == 6)
        assert tail.showing
        assert app.focused is tail.table
        await pilot.press("right_square_bracket")  # Contacts again: the pane is hidden
        await wait_for(pilot, lambda: not tail.showing)
        tail.positions.clear()
        tail.action_now()
        await pilot.pause(0.3)
        assert tail.positions == {}  # hidden: nothing was read
