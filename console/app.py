"""The console's entry: resolve the launch options and run the Textual app.

This is the one module of `console/` that may import the user interface.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def launch_options(
    config: Mapping[str, Any],
    *,
    profile: str | None = None,
    sandbox: bool = False,
    read_only: bool = False,
) -> Any:
    """The app's `Launch`: command-line flags, `[ui]` (theme, cache_rows) and `[keys]`."""
    from console.config.store import keymap, ui_settings
    from screens.app import Launch

    ui = ui_settings(config)
    return Launch(
        profile=profile,
        sandbox=True if sandbox else None,
        read_only=read_only,
        theme=ui.get("theme"),
        cache_rows=bool(ui.get("cache_rows", True)),
        keymap=keymap(config),
    )


def run(profile: str | None = None, sandbox: bool = False, read_only: bool = False) -> int:
    from console.config.store import load_config
    from console.errors import ConfigError

    try:
        config = load_config()
    except ConfigError as exc:
        import sys

        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    from screens.app import ConsoleApp

    launch = launch_options(config, profile=profile, sandbox=sandbox, read_only=read_only)
    ConsoleApp(launch).run()
    return 0
