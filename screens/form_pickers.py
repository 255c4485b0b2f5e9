"""A form's pickers: their choices load from the vendor in workers, and follow the IGRP.

Mixed into FormScreen. Each picker field asks `screens.pickers` for its sources; the answers
arrive in a worker of the form (never on the event loop). A field whose source depends on
another field (an IGRP's call ratings and buttons) reloads when that field is picked or
submitted; each field keeps only the answer to its latest request.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from console.catalog import Endpoint
from console.errors import ConsoleError, VendorError
from screens.pickers import load_options, sources_for
from widgets.form_field import FieldRow
from widgets.picker import PickerEditor


class LoadsPickers:
    app: Any
    endpoint: Endpoint
    _picker_generation: dict[str, int]

    if TYPE_CHECKING:  # provided by FormScreen and Textual's DOMNode

        @property
        def rows(self) -> list[FieldRow]: ...

        def run_worker(self, *args: Any, **kwargs: Any) -> Any: ...

    def _picker_rows(self) -> list[FieldRow]:
        return [r for r in self.rows if r.spec.editor == "picker"]

    def load_pickers(self, only: tuple[str, ...] = ()) -> None:
        """Fill pickers from the vendor's lists in a worker (each field on its own).

        A reload (the IGRP changed) runs beside the first load; each field keeps only the
        answer to its latest request, so a slow first answer never overwrites a newer one.
        """
        rows = [r for r in self._picker_rows() if not only or r.spec.name in only]
        wanted = {r.spec.name: self._picker_generation.get(r.spec.name, 0) + 1 for r in rows}
        self._picker_generation.update(wanted)
        group = "form-pickers" + ("-" + "-".join(sorted(only)) if only else "")
        self.run_worker(
            self._fill_pickers(rows, wanted, self._current_texts()),
            group=group,
            exclusive=True,
            exit_on_error=False,
        )

    async def _fill_pickers(
        self, rows: list[FieldRow], wanted: dict[str, int], current: dict[str, Any]
    ) -> None:
        service = self.app.service

        async def fill(row: FieldRow) -> None:
            name = row.spec.name
            options: list[tuple[str, str]] = []
            failure: str | None = None
            try:
                for source in sources_for(self.endpoint.id, name):
                    options += await load_options(service, source, current)
            except ConsoleError as exc:
                failure = exc.message if isinstance(exc, VendorError) else exc.title
            if self._picker_generation.get(name) != wanted[name]:
                return  # a newer load of this field is on its way
            if failure is not None:
                row.set_options_failed(failure)
            else:
                row.set_options(options)

        await asyncio.gather(*(fill(r) for r in rows))

    def _current_texts(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for row in self.rows:
            text = row.text.strip()
            if text:
                out[row.spec.name] = text
        return out

    def _reload_dependents(self, name: str) -> None:
        dependents = tuple(
            r.spec.name
            for r in self._picker_rows()
            if any(name in s.depends for s in sources_for(self.endpoint.id, r.spec.name))
        )
        if dependents:
            self.load_pickers(dependents)

    def on_picker_editor_picked(self, event: PickerEditor.Picked) -> None:
        # A plain method name: `@on` handlers are only collected from Textual classes.
        row = next((a for a in event.picker.ancestors if isinstance(a, FieldRow)), None)
        if row is not None:
            self._reload_dependents(row.spec.name)
