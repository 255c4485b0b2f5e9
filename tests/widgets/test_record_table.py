"""RecordTable driven through the keyboard (and a mouse) in a tiny app, as a person would."""

from __future__ import annotations

from textual.widgets import Footer

from tests.widgets.helpers import (
    COLUMNS,
    TableApp,
    make_rows,
    naive_filter,
    painted,
    painted_text,
    styled_spans,
)
from widgets.record_columns import Column
from widgets.record_table import RecordTable


async def test_arrow_vim_and_page_keys_move_the_cursor_and_keep_it_visible() -> None:
    app = TableApp(make_rows(200))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await pilot.press("down", "j", "j")
        assert table.cursor_row == 3
        await pilot.press("up", "k")
        assert table.cursor_row == 1
        await pilot.press("pagedown")
        page = table.cursor_row - 1
        assert page >= 20  # a screen of rows below the header
        await pilot.press("ctrl+d")
        assert table.cursor_row == 1 + 2 * page
        await pilot.press("end")
        assert table.cursor_row == 199
        await pilot.pause()
        lines = painted_text(table)
        assert "199" in lines[-1] or "200" in lines[-1]
        assert any(line.strip().startswith("200") for line in lines)
        await pilot.press("g")
        assert table.cursor_row == 0
        assert table.scroll_offset.y == 0
        await pilot.press("G", "pageup", "ctrl+u")
        assert table.cursor_row == 199 - 2 * page
        await pilot.press("home", "up")
        assert table.cursor_row == 0


async def test_moving_posts_row_highlighted_and_enter_posts_row_selected() -> None:
    app = TableApp(make_rows(10))
    async with app.run_test() as pilot:
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        highlighted = app.of(RecordTable.RowHighlighted)
        assert [m.key for m in highlighted] == [1, 2, 3]
        (selected,) = app.of(RecordTable.RowSelected)
        assert (selected.key, selected.row["name"], selected.cursor_row) == (3, "Dov Stone", 2)
        assert selected.control is app.table


async def test_filter_narrows_highlights_and_counts() -> None:
    rows = make_rows(300)
    app = TableApp(rows)
    async with app.run_test(size=(100, 24)) as pilot:
        table = app.table
        shown = table.filter("ACME L")
        assert shown == len(naive_filter(rows, "acme l")) > 0
        await pilot.pause()
        match = table.get_component_rich_style("record-table--match")
        strips = painted(table)
        assert "Acme L" in styled_spans(strips[1], match)
        assert all(text.lower() == "acme l" for text in styled_spans(strips[1], match))
        assert table.counts_label("Contacts") == f"Contacts {shown} of 300 loaded (filter: acme l)"
        counts = app.of(RecordTable.CountsChanged)[-1]
        assert (counts.loaded, counts.shown, counts.filter_text) == (300, shown, "acme l")
        table.filter("no such thing")
        await pilot.pause()
        assert painted_text(table)[1].strip() == "No records match “no such thing”"
        table.filter("")
        assert table.shown == 300


async def test_filter_typed_letter_by_letter_matches_a_naive_search() -> None:
    rows = make_rows(1_000)
    app = TableApp(rows)
    async with app.run_test():
        table = app.table
        query = ""
        for letter in "smith@hooli":
            query += letter
            table.filter(query)
            keys = [table._store.key(slot) for slot in table._store.view]
            assert keys == naive_filter(rows, query), query
        for _ in range(len(query)):  # and backspacing
            query = query[:-1]
            table.filter(query)
            assert table.shown == len(naive_filter(rows, query))


async def test_filter_keeps_the_cursor_on_its_record_when_it_still_shows() -> None:
    app = TableApp(make_rows(100))
    async with app.run_test() as pilot:
        table = app.table
        table.move_cursor_to(42)
        table.filter(table.cursor_record["city"])  # type: ignore[index]
        assert table.cursor_key == 42
        table.filter("")
        assert table.cursor_key == 42
        table.filter("hooli")  # 42 works at Acme Corp: the cursor goes to the top
        await pilot.pause()
        assert table.cursor_row == 0
        assert table.cursor_key == next(r["id"] for r in make_rows(100) if r["company"] == "Hooli")


async def test_s_cycles_the_focused_column_through_asc_desc_off_and_S_reverses() -> None:
    rows = make_rows(60)
    app = TableApp(rows)
    async with app.run_test(size=(120, 30)) as pilot:
        table = app.table
        await pilot.press("right")  # focus "name"
        await pilot.press("s")
        assert (table.sort.column, table.sort.descending) == ("name", False)  # type: ignore[union-attr]
        await pilot.pause()
        assert "Name ▲" in painted_text(table)[0]
        names = [table._store.row(s)["name"] for s in table._store.view]  # type: ignore[index]
        assert names == sorted(names, key=str.casefold)
        # stable: equal names keep arrival (id) order
        for a, b in zip(table._store.view, table._store.view[1:], strict=False):
            ra, rb = table._store.row(a), table._store.row(b)
            if ra["name"] == rb["name"]:  # type: ignore[index]
                assert ra["id"] < rb["id"]  # type: ignore[index]
        await pilot.press("s")
        assert table.sort.descending  # type: ignore[union-attr]
        await pilot.pause()
        assert "Name ▼" in painted_text(table)[0]
        await pilot.press("s")
        assert table.sort is None
        assert [table._store.key(s) for s in table._store.view] == list(range(1, 61))
        await pilot.press("S")  # reverse with no sort: focused column, descending
        assert (table.sort.column, table.sort.descending) == ("name", True)  # type: ignore[union-attr]
        await pilot.press("S")
        assert not table.sort.descending  # type: ignore[union-attr]


async def test_sorting_keeps_the_cursor_on_its_record() -> None:
    app = TableApp(make_rows(80))
    async with app.run_test() as pilot:
        table = app.table
        table.move_cursor_to(17)
        await pilot.press("right", "right", "right", "right", "right", "right", "s")
        assert table.sort.column == "value"  # type: ignore[union-attr]
        assert table.cursor_key == 17


async def test_space_marks_and_the_mark_glyph_is_painted() -> None:
    app = TableApp(make_rows(20))
    async with app.run_test() as pilot:
        table = app.table
        await pilot.press("down", "space", "down", "x")
        assert table.marked_keys() == [2, 3]
        await pilot.pause()
        lines = painted_text(table)
        assert lines[2].startswith("●")
        assert lines[3].startswith("●")
        assert not lines[1].startswith("●")
        await pilot.press("space")
        assert table.marked_keys() == [2]
        await pilot.pause()
        assert [m.marked for m in app.of(RecordTable.MarksChanged)] == [1, 2, 1]


async def test_shift_arrows_extend_a_range_and_moving_back_shrinks_it() -> None:
    app = TableApp(make_rows(30))
    async with app.run_test() as pilot:
        table = app.table
        await pilot.press("down", "down", "down", "down", "down", "space")  # row 6 marked alone
        await pilot.press("up", "up", "up")  # cursor on 3
        await pilot.press("shift+down", "shift+down", "J")  # 3,4,5,6
        assert table.marked_keys() == [3, 4, 5, 6]
        await pilot.press("K", "shift+up")  # back to 4: 5 unmarked, 6 was marked before
        assert table.marked_keys() == [3, 4, 6]
        await pilot.press("shift+up", "shift+up")  # past the anchor upwards
        assert table.marked_keys() == [2, 3, 6]
        await pilot.press("down", "shift+down")  # plain move ends the range; a new one starts
        assert table.marked_keys() == [2, 3, 4, 6]


async def test_mark_all_marks_only_filtered_rows_and_u_clears() -> None:
    rows = make_rows(120)
    app = TableApp(rows)
    async with app.run_test() as pilot:
        table = app.table
        table.filter("oslo")
        await pilot.press("asterisk")
        assert sorted(table.marked_keys()) == naive_filter(rows, "oslo")
        table.filter("")
        assert table.marked == len(naive_filter(rows, "oslo"))
        assert "marked" in table.counts_label("Contacts")
        await pilot.press("f8")
        assert table.marked == 0
        await pilot.press("f7")
        assert table.marked == 120
        await pilot.press("u")
        assert table.marked == 0
        await pilot.pause()
        assert [m.marked for m in app.of(RecordTable.MarksChanged)][-4:] == [
            len(naive_filter(rows, "oslo")),
            0,
            120,
            0,
        ]


async def test_add_rows_in_chunks_while_sorted_and_filtered() -> None:
    rows = make_rows(500)
    app = TableApp([])
    async with app.run_test() as pilot:
        table = app.table
        assert painted_text(table)[1].strip() == "No records"
        table.sort_by("value", descending=True)
        table.filter("a")
        for start in range(0, 500, 50):
            table.add_rows(rows[start : start + 50])
            await pilot.pause()
        assert table.loaded == 500
        expected_ids = set(naive_filter(rows, "a"))
        shown = [table._store.row(s) for s in table._store.view]
        assert {r["id"] for r in shown} == expected_ids  # type: ignore[index]
        values = [r["value"] for r in shown]  # type: ignore[index]
        assert values == sorted(values, reverse=True)
        assert app.of(RecordTable.CountsChanged)[-1].loaded == 500


async def test_update_row_by_key_repaints_resorts_and_refilters() -> None:
    app = TableApp(make_rows(30))
    async with app.run_test() as pilot:
        table = app.table
        table.sort_by("name")
        table.filter("smith")
        table.move_cursor_to(2)
        before = table.shown
        changed = dict(table.get_row(2), name="Aaron Smith")  # type: ignore[arg-type]
        assert table.update_row(changed)
        assert table.cursor_row == 0  # sorts first now, cursor followed it
        await pilot.pause()
        assert "Aaron Smith" in painted_text(table)[1]
        assert table.update_row(dict(changed, name="Zed Zed", email="z@z.z"))
        assert table.shown == before - 1  # no longer matches the filter
        assert not table.update_row({"id": 999, "name": "nobody"})


async def test_remove_rows_by_key_drops_marks_and_clamps_the_cursor() -> None:
    app = TableApp(make_rows(10))
    async with app.run_test() as pilot:
        table = app.table
        await pilot.press("end", "space")
        assert table.marked_keys() == [10]
        assert table.remove_rows([10, 9, 12345]) == 2
        assert table.loaded == 8
        assert table.cursor_key == 8
        assert table.marked == 0
        await pilot.pause()
        assert app.of(RecordTable.MarksChanged)[-1].marked == 0


async def test_columns_scroll_horizontally_at_80x24() -> None:
    wide = [*COLUMNS, Column("notes", width=40), Column("owner", width=20)]
    rows = [dict(r, notes="n" * 40, owner=f"owner-{r['id']}") for r in make_rows(30)]
    app = TableApp(rows, columns=wide)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        assert table.virtual_size.width > 80
        assert "Owner" not in painted_text(table)[0]
        for _ in range(len(wide)):
            await pilot.press("l")
        assert table.cursor_column == len(wide) - 1
        await pilot.pause()
        assert table.scroll_offset.x > 0
        header, first = painted_text(table)[:2]
        assert "Owner" in header
        assert "owner-1 " in first
        assert first.startswith("  ")  # the mark column stays put
        await pilot.press("h", "h", "h", "h", "h", "h", "h", "h")
        await pilot.pause()
        assert table.scroll_offset.x == 0


async def test_clicks_move_the_cursor_select_and_sort() -> None:
    app = TableApp(make_rows(20))
    async with app.run_test(size=(100, 24)) as pilot:
        table = app.table
        await pilot.click(RecordTable, offset=(10, 4))
        assert table.cursor_row == 3
        await pilot.click(RecordTable, offset=(10, 5), times=2)
        await pilot.pause()
        assert app.of(RecordTable.RowSelected)[-1].key == 5
        await pilot.click(RecordTable, offset=(12, 0))  # the "Name" header
        assert table.sort is not None
        assert table.sort.column == "name"


async def test_one_hundred_thousand_rows_load_filter_and_paint() -> None:
    rows = make_rows(100_000)
    app = TableApp([])
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        for start in range(0, 100_000, 25_000):
            table.add_rows(rows[start : start + 25_000])
        assert (table.loaded, table.shown) == (100_000, 100_000)
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_key == 100_000
        assert any(line.lstrip().startswith("100000") for line in painted_text(table))
        for query in ("o", "ok", "oka", "okafor", "okafor1"):
            table.filter(query)
        matching = set(naive_filter(rows, "okafor1"))
        assert table.shown == len(matching)
        table.sort_by("value")
        await pilot.press("home")
        await pilot.pause()
        lowest = min(r["value"] for r in rows if r["id"] in matching)
        assert table.cursor_record["value"] == lowest  # type: ignore[index]


async def test_sequence_rows_and_rows_added_before_mount() -> None:
    table = RecordTable([Column("id"), Column("name")], key="id")
    table.add_rows([(1, "Ada"), (2, "Bea")])

    class SequenceApp(TableApp):
        def compose(self):  # type: ignore[no-untyped-def]
            yield table

        def on_mount(self) -> None:
            table.focus()

    app = SequenceApp([])
    async with app.run_test() as pilot:
        await pilot.press("down")
        assert table.cursor_record == (2, "Bea")
        await pilot.pause()
        assert "Bea" in painted_text(table)[2]


async def test_every_binding_has_an_id_and_a_tooltip_and_keymaps_apply() -> None:
    for binding in RecordTable.BINDINGS:
        assert binding.id
        assert binding.id.startswith("record_table.")
        assert binding.tooltip  # type: ignore[union-attr]
    app = TableApp(make_rows(5))
    async with app.run_test() as pilot:
        app.set_keymap({"record_table.toggle_mark": "m"})
        await pilot.press("m")
        assert app.table.marked_keys() == [1]


async def test_zebra_stripes_shade_every_other_line_and_footer_lists_main_keys() -> None:
    class FooterApp(TableApp):
        def compose(self):  # type: ignore[no-untyped-def]
            yield from super().compose()
            yield Footer()

    app = FooterApp(make_rows(6), zebra_stripes=True)
    async with app.run_test(size=(100, 12)) as pilot:
        table = app.table
        await pilot.press("down", "down")
        await pilot.pause()
        even = table.get_component_rich_style("record-table--even-row")
        strips = painted(table)
        shaded = list(strips[2])[-1].style
        assert shaded is not None
        assert shaded.bgcolor == (table.rich_style + even).bgcolor
        assert list(strips[1])[-1].style.bgcolor != list(strips[2])[-1].style.bgcolor  # type: ignore[union-attr]
        footer_keys = {
            b.binding.action for b in app.screen.active_bindings.values() if b.binding.show
        }
        # Sort and mark-all stay out of the footer (they are in the help screen) to leave
        # room for the owning list's action keys at 80 columns.
        assert {"select", "toggle_mark"} <= footer_keys
        assert not {"mark_all", "sort", "clear_marks"} & footer_keys


async def test_marks_stay_visible_in_the_16_colour_theme() -> None:
    app = TableApp(make_rows(8))
    async with app.run_test() as pilot:
        app.theme = "ansi-dark"
        await pilot.press("down", "space")
        await pilot.pause()
        lines = painted_text(app.table)
        assert lines[2].startswith("●")
        assert not lines[1].startswith("●")
        glyph = next(iter(painted(app.table)[2]))
        assert glyph.text.startswith("●")
        assert glyph.style is not None
        assert glyph.style.color != glyph.style.bgcolor


async def test_set_columns_and_clear_keep_the_counts_honest() -> None:
    app = TableApp(make_rows(12))
    async with app.run_test() as pilot:
        table = app.table
        await pilot.press("down", "space")
        table.set_columns([c for c in COLUMNS if c.key in ("id", "name")])
        await pilot.pause()
        assert "Email" not in painted_text(table)[0]
        assert (table.cursor_key, table.marked_keys()) == (2, [2])
        assert table.counts_label("Contacts") == "Contacts 12 loaded · 1 marked"
        assert table.counts_label("Contacts", 3000) == "Contacts 12 of 3,000 loaded · 1 marked"
        table.clear()
        await pilot.pause()
        assert (table.loaded, table.shown, table.marked) == (0, 0, 0)
        assert painted_text(table)[1].strip() == "No records"
        last = app.of(RecordTable.CountsChanged)[-1]
        assert (last.loaded, last.shown, last.marked) == (0, 0, 0)
        assert app.of(RecordTable.MarksChanged)[-1].marked == 0
