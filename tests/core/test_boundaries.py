"""The layers of the house: the core never imports Textual, the UI never imports httpx,
and `crm-console --help` loads no heavy module."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_ENTRY = {ROOT / "console" / "app.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_core_never_imports_textual() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _files("console")
        if p not in APP_ENTRY and "textual" in _imports(p)
    ]
    assert offenders == []


def test_ui_never_imports_httpx() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("screens", "widgets", "themes")
        for p in _files(folder)
        if _imports(p) & {"httpx", "httpcore", "starlette", "uvicorn"}
    ]
    assert offenders == []


def test_the_check_itself_sees_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import os\nfrom textual.app import App\nimport httpx.foo as h\n")
    assert _imports(probe) >= {"textual", "httpx", "os"}


HEAVY = ["textual", "httpx", "pydantic", "starlette", "uvicorn", "faker", "keyring", "rich"]


def _loaded_after(code: str) -> list[str]:
    script = (
        "import sys, json\n"
        f"{code}\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return list(json.loads(out.strip().splitlines()[-1]))


def test_help_loads_no_heavy_module() -> None:
    code = (
        "import contextlib, io\n"
        "from console.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main(['--help'])\n    except SystemExit:\n        pass"
    )
    assert _loaded_after(code) == []


def test_the_service_layer_loads_without_textual() -> None:
    loaded = _loaded_after("import console.service.service, console.api")
    assert "textual" not in loaded
    assert "httpx" in loaded  # the probe is real: it does see what was imported
