"""A ContentSwitcher whose children are made the first time they are shown."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.widget import Widget
from textual.widgets import ContentSwitcher


class LazySwitcher(ContentSwitcher):
    def __init__(self, *children: Widget, id: str | None = None, initial: str | None = None):
        super().__init__(*children, id=id, initial=initial)
        self._lock = asyncio.Lock()

    async def show(self, child_id: str, make: Callable[[], Widget]) -> Widget:
        """Show the child `child_id`, made by `make()` and mounted the first time it is asked
        for; a second caller waits until it is mounted."""
        async with self._lock:
            if not self.query_children(f"#{child_id}"):
                await self.add_content(make(), id=child_id)
            self.current = child_id
            shown = self.visible_content
        assert shown is not None
        return shown
