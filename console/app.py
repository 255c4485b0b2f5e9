"""The console's entry: resolve the launch options and run the Textual app.

This is the one module of `console/` that may import the user interface.
"""

from __future__ import annotations


def run(profile: str | None = None, sandbox: bool = False, read_only: bool = False) -> int:
    from console.config.store import keymap, load_config, ui_settings
    from console.errors import ConfigError

    try:
        config = load_config()
    except ConfigError as exc:
        import sys

        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    from screens.app import ConsoleApp, Launch

    ui = ui_settings(config)
    launch = Launch(
        profile=profile,
        sandbox=True if sandbox else None,
        read_only=read_only,
        theme=ui.get("theme"),
        cache_rows=bool(ui.get("cache_rows", True)),
        keymap=keymap(config),
    )
    ConsoleApp(launch).run()
    return 0
