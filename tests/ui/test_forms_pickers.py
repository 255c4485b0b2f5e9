"""Pickers fed by the vendor's own lists, enum Selects, and collect mode (bulk actions)."""

from __future__ import annotations

import pytest

from console import catalog
from console.sandbox.server import EmbeddedSandbox
from console.service.service import Service
from screens.pickers import PICKERS, load_options, sources_for
from tests.ui.conftest import MakeApp
from tests.ui.form_helpers import (
    editor_input,
    open_form,
    picker_options,
    select_of,
    settle,
    submit,
)


async def test_the_stage_picker_loads_the_vendors_stages_and_still_takes_a_typed_value(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await open_form(
            pilot, app, "zendesk_sell.updateDeal", prefill={"id": 1, "stage_id": 2}
        )
        row = screen.row("stage_id")
        options = picker_options(row)
        assert len(options) >= 5
        assert all(value.isdigit() for _, value in options)
        assert options[1] == ("Sales Pipeline: Qualified", "2")
        select = select_of(row)
        assert select.value == "2"  # the prefilled stage is the chosen option

        select.focus()
        await pilot.press("enter", "down", "enter")  # the next stage in the list
        assert editor_input(row).value == "3"
        assert row.value() == 3

        editor_input(row).focus()
        await pilot.press("ctrl+u", *"424242")  # not in the list: kept as typed
        assert select.is_blank()
        assert row.value() == 424242


async def test_an_enum_is_a_select_and_collect_mode_hands_back_the_inputs(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_form(
            pilot, app, "zendesk_sell.createContact", mode="collect", bulk_count=3
        )
        assert "For 3 records" in str(screen.query_one("#form-note").render())
        assert str(screen.query_one("#send").label) == "Continue"
        row = screen.row("customer_status")
        assert row.spec.editor == "select"
        assert row.spec.kind.choices == ("none", "current", "past")
        status = select_of(row)
        status.focus()
        await pilot.press("enter", "down", "down", "enter")  # blank -> none -> current
        assert status.value == "current"
        editor_input(screen.row("last_name")).focus()
        await pilot.press(*"Turing")
        await submit(pilot, screen)
        assert results == [{"last_name": "Turing", "customer_status": "current"}]


async def test_collect_mode_leaves_per_record_fields_to_the_caller(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_form(
            pilot,
            app,
            "zendesk_sell.updateDeal",
            mode="collect",
            hidden={"id"},
            only=("id", "stage_id"),
            bulk_count=2,
        )
        assert [r.spec.name for r in screen.rows] == ["stage_id"]
        select_of(screen.row("stage_id")).focus()
        await pilot.press("enter", "down", "down", "enter")
        await submit(pilot, screen)
        assert results == [{"stage_id": 2}]


async def test_call_ratings_offer_the_unused_ones_first(
    ui_sandbox: EmbeddedSandbox, make_app: MakeApp
) -> None:
    app = make_app(ui_sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _ = await open_form(pilot, app, "infinity.createSfButton")
        labels = [label for label, _ in picker_options(screen.row("callRating"))]
        used = [label.endswith("(has a button)") for label in labels]
        assert False in used
        assert True in used
        assert used == sorted(used)  # every unused rating comes before the used ones
        igrps = picker_options(screen.row("igrp"))
        assert any("not linked to Salesforce" in label for label, _ in igrps)

        # Another installation: its own ratings replace the profile's installation's.
        assert igrps[0][1] == "10735"  # the profile's own comes first
        select_of(screen.row("igrp")).focus()
        await pilot.press("enter", "down", "down", "enter")  # blank -> first -> second
        assert editor_input(screen.row("igrp")).value == igrps[1][1]
        await settle(pilot, screen)
        after = picker_options(screen.row("callRating"))
        assert after
        assert [label for label, _ in after] != labels

        # One that cannot have buttons: the vendor's reason replaces the choices.
        unlinked = next(v for label, v in igrps if "not linked" in label)
        editor_input(screen.row("igrp")).focus()
        await pilot.press("ctrl+u", *unlinked, "enter")
        await settle(pilot, screen)
        assert picker_options(screen.row("callRating")) == []
        assert "not linked" in str(select_of(screen.row("callRating")).prompt)


def _hinted_pickers() -> set[tuple[str, str]]:
    out = set()
    for ep in catalog.all_endpoints():
        for f in ep.fields():
            info = ep.input_model.model_fields[f.attribute]
            extra = info.json_schema_extra
            if isinstance(extra, dict) and "x-picker" in extra:
                out.add((ep.id, f.name))
    return out


def test_every_x_picker_hint_of_the_catalog_has_a_source() -> None:
    missing = [(e, f) for e, f in sorted(_hinted_pickers()) if not sources_for(e, f)]
    assert missing == []
    for vendor, table in PICKERS.items():
        for sources in table.values():
            for source in sources:
                if not source.endpoint.startswith("profile:"):
                    assert catalog.get(source.endpoint).vendor == vendor


SOURCES = sorted({(v, f) for v, table in PICKERS.items() for f in table})


@pytest.mark.parametrize(("vendor", "field"), SOURCES, ids=[f"{v}.{f}" for v, f in SOURCES])
async def test_every_picker_source_loads_options_from_the_sandbox(
    service: Service, vendor: str, field: str
) -> None:
    options: list[tuple[str, str]] = []
    for source in PICKERS[vendor][field]:
        options += await load_options(service, source, {})
    assert options, f"{vendor}.{field} offered nothing"
    assert all(label and value for label, value in options)
    assert len({v for _, v in options}) == len(options) or field == "targetId"
