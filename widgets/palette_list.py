"""The palette's result list: Textual's `CommandList`, keeping each option's rendered lines.

`OptionList` forgets every rendered option whenever its options are replaced, which the
palette does on each keystroke, and renders an option again when it shows up (wrapping its
two lines and styling each letter). The palette's search hands back the same `Option` for a
hit it has shown before, so its lines are kept here, for the life of the list, by option,
style, padding and width; only the option's index (the `{"option": index}` meta that a
click reads) is applied on the way out, since the index changes with each query.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.command import CommandList
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding
from textual.widgets.option_list import Option


class PaletteList(CommandList):
    """A `CommandList` whose options' rendered lines outlive a change of options."""

    def __init__(self) -> None:
        super().__init__()
        self._lines_kept: LRUCache[tuple[Option, Style, Spacing, int], list[Strip]]
        self._lines_kept = LRUCache(maxsize=1024)

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding
        indexed = self._option_render_cache.get((option, style, padding))
        if indexed is not None or option._divider:  # a divider: Textual's own path
            return indexed or super()._get_option_render(option, style)
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        key = (option, style, padding, width)
        if (strips := self._lines_kept.get(key)) is None:
            visual = self._get_visual(option)
            if padding:
                visual = Padding(visual, padding)
            strips = [
                strip.extend_cell_length(width, style.rich_style)
                for strip in visual.to_strips(self, visual, width, None, style)
            ]
            self._lines_kept[key] = strips
        meta = {"option": self._option_to_index[option]}
        indexed = [strip.apply_meta(meta) for strip in strips]
        self._option_render_cache[(option, style, padding)] = indexed
        return indexed
