"""bench/palette_bench.py stays runnable: one short query per app, no timing asserted."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from console.catalog import all_endpoints
from console.sandbox.server import EmbeddedSandbox

BENCH = Path(__file__).resolve().parents[2] / "bench" / "palette_bench.py"


def load_bench() -> Any:
    spec = importlib.util.spec_from_file_location("palette_bench", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", ["ours", "plain", "plain+help", "bare"])
async def test_the_palette_bench_types_a_query_and_sees_every_command(
    sandbox: EmbeddedSandbox, tmp_path: Path, kind: str
) -> None:
    bench: Any = load_bench()
    if kind == "bare":  # the bench hands it what a ConsoleApp baseline listed
        bench.ENTRIES[:] = [(ep.palette_title, ep.id) for ep in all_endpoints()]
    probe = bench.Probe()
    with probe.installed():
        got = await bench.session(bench.make_app(sandbox, tmp_path, kind), probe, ("pause",))
    assert len(got["times"]) == len(bench.keystrokes("pause"))
    assert got["listed"] >= len(all_endpoints())  # every endpoint (and the app's commands)
    assert got["hits"]["pause"] >= 1
