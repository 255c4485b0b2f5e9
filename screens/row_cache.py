"""The first page of the last lists a person looked at, shown at once on the next start.

The console opens with those rows (titled "cached · refreshing") while the session and
the sandbox or vendor come up, then replaces them with fresh ones; actions wait for the
fresh rows. One small JSON file per profile, readable only by its owner (0600), holding at
most one page per list. `[ui] cache_rows = false` in config.toml turns it off, for people
who must not keep customer data on a shared jump host.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from console.config.paths import data_dir

PAGE = 100


def _path(profile: str) -> Any:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", profile) or "default"
    return data_dir() / "row-cache" / f"{safe}.json"


def load(profile: str, list_id: str) -> list[dict[str, Any]] | None:
    try:
        data = json.loads(_path(profile).read_text())
    except (OSError, ValueError):
        return None
    rows = data.get(list_id) if isinstance(data, dict) else None
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else None


def save(profile: str, list_id: str, records: list[dict[str, Any]]) -> None:
    path = _path(profile)
    try:
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        data[list_id] = records[:PAGE]
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh, ensure_ascii=False, default=str)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written is only a slower next start
