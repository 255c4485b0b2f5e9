"""Raw request forms: method, URL, key=value params, and the answer shown in the open form."""

from __future__ import annotations

import json

from textual.widgets import TextArea

from console.sandbox.server import EmbeddedSandbox
from tests.conftest import Admin
from tests.ui.conftest import MakeApp
from tests.ui.form_helpers import editor_input, open_form, select_of, submit, type_into
from widgets.form_panels import RawResponseView


async def test_a_raw_request_shows_the_response_in_the_form_and_stays_open(
    sandbox: EmbeddedSandbox, admin: dict[str, Admin], make_app: MakeApp
) -> None:
    app = make_app(sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_form(pilot, app, "zendesk_sell.rawRequest")
        assert [r.spec.name for r in screen.rows] == [
            "method",
            "url",
            "params",
            "headers",
            "data",
            "form",
        ]
        assert select_of(screen.row("method")).value == "GET"
        await type_into(pilot, screen.row("url"), "/v2/users")
        params = screen.row("params").editor
        assert isinstance(params, TextArea)
        params.focus()
        await pilot.press(*"per_page=2", "enter", *"sort_by=name")
        await submit(pilot, screen)

        view = screen.query_one("#response", RawResponseView)
        assert view.status == 200
        assert view.display
        body = json.loads(view.body_text)
        assert len(body["items"]) == 2
        sent = admin["zendesk_sell"].requests(method="GET", path="/v2/users")
        assert "per_page=2" in sent[-1]["query"]
        assert "sort_by=name" in sent[-1]["query"]
        assert app.screen is screen
        assert results == []

        # A vendor error status is an answer too: shown, and the URL is still there to fix.
        params.clear()
        editor_input(screen.row("url")).focus()
        await pilot.press("ctrl+u", *"/v2/users/999999")
        await submit(pilot, screen)
        assert screen.outcome_panel.title == "Not found"
        assert "Zendesk Sell 404" in screen.outcome_panel.text
        assert not view.display  # the earlier answer is not left to mislead
        assert editor_input(screen.row("url")).value == "/v2/users/999999"


async def test_bad_json_in_the_body_is_named_beside_it(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_form(pilot, app, "totango.rawRequest")
        await type_into(pilot, screen.row("url"), "/api/v1/search/accounts")
        screen.row("data").editor.focus()
        await pilot.press(*'{"count": 1,}')
        await submit(pilot, screen)
        assert screen.row("data").error.startswith("not valid JSON")
        assert app.focused is screen.row("data").editor
        assert results == []
