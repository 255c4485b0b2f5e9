"""Worker failures become notifications: the one handler every I/O-owning view mixes in.

Textual posts `Worker.StateChanged` to the node that started the worker and does not bubble
it, so each view that runs workers includes `ReportsWorkerErrors`, which hands the error to
`ConsoleApp.report_error` (a notification, never a crash).
"""

from __future__ import annotations

from typing import Any

from textual.worker import Worker, WorkerState


class ReportsWorkerErrors:
    app: Any

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.app.report_error(event.worker.error)
