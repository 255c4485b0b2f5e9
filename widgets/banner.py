"""The one-line banner: which profile, and loud notice of sandbox or read-only mode."""

from __future__ import annotations

from textual.widgets import Static


class Banner(Static):
    DEFAULT_CSS = """
    Banner { height: 1; padding: 0 1; background: $panel; color: $foreground; }
    Banner.sandbox { background: $banner-sandbox; color: $foreground; text-style: bold; }
    Banner.read-only { background: $banner-read-only; color: $foreground; text-style: bold; }
    """

    def show(self, *, sandbox: bool, read_only: bool, profile: str, opening: bool = False) -> None:
        parts = ["crm-console"]
        if opening:
            parts.append("opening the session…")
        elif sandbox:
            parts.append("SANDBOX: demo data on 127.0.0.1, no vendor is contacted")
        else:
            parts.append(f"profile {profile}")
        if read_only:
            parts.append("READ-ONLY: changes are refused")
        self.set_class(sandbox and not read_only, "sandbox")
        self.set_class(read_only, "read-only")
        self.update("  ·  ".join(parts))
