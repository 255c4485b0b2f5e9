"""Where the user left off (vendor tab, list per vendor, theme), kept between runs."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field

from console.config.paths import state_file

FIRST_RUN_VENDOR = "zendesk_sell"


@dataclass(slots=True)
class UIState:
    vendor: str = FIRST_RUN_VENDOR
    lists: dict[str, str] = field(default_factory=dict)  # vendor -> list spec id
    theme: str | None = None

    @classmethod
    def load(cls) -> UIState:
        try:
            data = json.loads(state_file().read_text())
            return cls(
                vendor=str(data.get("vendor") or FIRST_RUN_VENDOR),
                lists={str(k): str(v) for k, v in (data.get("lists") or {}).items()},
                theme=data.get("theme"),
            )
        except (OSError, ValueError, AttributeError):
            return cls()

    def save(self) -> None:
        path = state_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(asdict(self), indent=1))
            os.replace(tmp, path)
        except OSError:
            pass  # losing the remembered tab is not worth an error
