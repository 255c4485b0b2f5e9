"""TabBar in a tiny app: a click picks a tab, the active one stands out, one message each."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from widgets.tab_bar import TabBar

TABS = [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")]


class BarApp(App[None]):
    def __init__(self, active: str = "b") -> None:
        super().__init__()
        self.active = active
        self.activated: list[str] = []

    def compose(self) -> ComposeResult:
        yield TabBar(TABS, active=self.active)

    def on_tab_bar_activated(self, event: TabBar.Activated) -> None:
        self.activated.append(event.tab_id)


def _start(label: str) -> int:
    """The screen column where a label's tab begins (one cell of padding, then the tabs)."""
    bar, wanted = TabBar(TABS, active="a"), {label: tab for tab, label in TABS}[label]
    return 1 + next(x for x in range(80) if bar.tab_at(x) == wanted)


async def test_a_click_on_a_label_activates_its_tab_and_says_so_once() -> None:
    app = BarApp()
    async with app.run_test(size=(60, 3)) as pilot:
        bar = app.query_one(TabBar)
        await pilot.click(TabBar, offset=(_start("Gamma") + 2, 0))
        await pilot.pause()
        assert bar.active == "c"
        assert app.activated == ["c"]
        await pilot.click(TabBar, offset=(_start("Gamma") + 1, 0))  # the active one again
        await pilot.pause()
        assert app.activated == ["c"]
        await pilot.click(TabBar, offset=(_start("Alpha"), 0))  # its first cell counts
        await pilot.pause()
        assert (bar.active, app.activated) == ("a", ["c", "a"])


async def test_a_click_between_labels_changes_nothing() -> None:
    app = BarApp()
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.click(TabBar, offset=(_start("Beta") - 1, 0))  # the gap before Beta
        await pilot.click(TabBar, offset=(55, 0))  # past the last label
        await pilot.pause()
        assert app.query_one(TabBar).active == "b"
        assert app.activated == []


async def test_only_the_active_label_is_drawn_highlighted() -> None:
    app = BarApp()
    async with app.run_test(size=(60, 3)) as pilot:
        bar = app.query_one(TabBar)
        text = bar.render()
        assert text.plain == " Alpha    Beta    Gamma "
        styles = {text.plain[s.start : s.end].strip(): s.style for s in text.spans}
        assert styles["Beta"] != styles["Alpha"] == styles["Gamma"]
        bar.active = "a"
        await pilot.pause()
        text = bar.render()
        styles = {text.plain[s.start : s.end].strip(): s.style for s in text.spans}
        assert styles["Alpha"] != styles["Beta"] == styles["Gamma"]


async def test_an_unknown_tab_is_refused_and_an_unknown_first_tab_falls_back() -> None:
    app = BarApp(active="nope")
    async with app.run_test(size=(60, 3)):
        bar = app.query_one(TabBar)
        assert bar.active == "a"
        with pytest.raises(ValueError, match="no tab 'zz'"):
            bar.active = "zz"
        assert bar.active == "a"
