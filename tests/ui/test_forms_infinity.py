"""The Infinity actionParams editor: a dropdown built with the keyboard survives the round trip."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Select

from console.sandbox.server import EmbeddedSandbox
from console.service.results import CallResult, jsonable
from screens.specs.infinity import BUTTONS
from tests.ui.conftest import MakeApp
from tests.ui.form_helpers import open_form, picker_options, select_of, submit, type_into
from widgets.action_params import ActionParamsEditor, ParamEditor
from widgets.tri_state import TriStateCheckbox


async def test_a_button_with_a_dropdown_param_made_in_the_editor_round_trips(
    fresh_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(fresh_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_form(pilot, app, "infinity.createSfButton")
        ratings = picker_options(screen.row("callRating"))
        unused = [v for label, v in ratings if "(has" not in label]
        rating = unused[0]
        await type_into(pilot, screen.row("callRating"), rating)
        action = select_of(screen.row("buttonAction"))
        action.focus()
        await pilot.press("enter", "end", "enter")  # the last choice: createLead
        assert action.value == "createLead"
        await type_into(pilot, screen.row("buttonLabel"), "Pick a country")

        editor = screen.row("actionParams").editor
        assert isinstance(editor, ActionParamsEditor)
        assert editor.params == []
        await pilot.press("tab", "ctrl+n")  # into the editor; a new parameter, its object focused
        await pilot.press(*"Lead", "tab", *"CountryCode")
        param = editor.params[0]
        param.query_one(".kind", Select).focus()
        await pilot.press("enter", "down", "enter")  # fixed value -> dropdown
        assert param.kind == "dropdown"
        await _type(pilot, param, "caption", "Country")
        param.query_one(".required", TriStateCheckbox).focus()
        await pilot.press("space")
        await _type(pilot, param, "option-label", "Canada", "tab", *"CA")
        await pilot.press("ctrl+o")  # another option row, focused
        await pilot.press(*"Ireland", "tab", *"IE")

        await submit(pilot, screen)
        assert len(results) == 1, screen.outcome_panel.text
        assert isinstance(results[0], CallResult)
        button_id = jsonable(results[0].data)["sfButtonId"]
        got = await app.service.call("infinity.getSfButton", {"sfButtonId": button_id})
        button = jsonable(got.data)
        assert button["callRating"] == rating
        assert button["buttonAction"] == "createLead"
        assert [
            {k: p[k] for k in ("sfFields", "type", "label", "required", "options")}
            for p in button["actionParams"]
        ] == [
            {
                "sfFields": {"Lead": "CountryCode"},
                "type": "dropdown",
                "label": "Country",
                "required": True,
                "options": [
                    {"label": "Canada", "value": "CA"},
                    {"label": "Ireland", "value": "IE"},
                ],
            }
        ]


async def _type(pilot: Any, param: ParamEditor, box: str, text: str, *more: str) -> None:
    param.query_one(f".{box}", Input).focus()
    await pilot.press(*text, *more)


async def test_a_dropdown_without_options_is_refused_on_its_parameter(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        params = [
            {"sfFields": {"Task": "Call_Source__c"}, "value": "Infinity"},
            {"sfFields": {"Lead": "Rating"}, "type": "dropdown", "label": "Rating"},
        ]
        screen, results = await open_form(
            pilot,
            app,
            "infinity.createSfButton",
            prefill={"callRating": "x", "buttonAction": "rateCall", "buttonLabel": "y"},
        )
        editor = screen.row("actionParams").editor
        assert isinstance(editor, ActionParamsEditor)
        for param in params:
            await editor.mount_param(param)
        await submit(pilot, screen)
        assert "options" in screen.row("actionParams").error
        assert [p.has_class("-invalid") for p in editor.params] == [False, True]
        assert results == []


async def test_editing_a_button_loads_its_params_into_the_editor(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        from tests.ui.form_helpers import until_ready

        await until_ready(pilot, app)
        got = await app.service.call("infinity.getSfButton", {"sfButtonId": "2"})
        record = jsonable(got.data)
        edit = next(a for a in BUTTONS.actions if a.id == "edit")
        screen, _ = await open_form(
            pilot, app, "infinity.updateSfButton", prefill=edit.prefill(record)
        )
        editor = screen.row("actionParams").editor
        assert isinstance(editor, ActionParamsEditor)
        assert [p.kind for p in editor.params] == ["dropdown", "dropdown"]
        assert editor.value == [
            {
                "sfFields": p["sfFields"],
                "type": "dropdown",
                "label": p["label"],
                "required": bool(p["required"]),
                "options": p["options"],
            }
            for p in record["actionParams"]
        ]
        assert screen.row("sfButtonId").spec.editor == "fixed"
