"""Sandbox start-up at the default scale and at --scale 200, against a bare uvicorn app.

    .venv/bin/python bench/sandbox_bench.py [--runs 5] [--big-runs 3]

Each run is a fresh `crm-console sandbox --print-config` process, timed from its start to
its first stdout line (written once every server accepts connections; on Linux the command
serves each vendor from a process of its own). The baseline is a bare Starlette app on
uvicorn, started the same way in the same run, so the ratio travels between machines. The
start time of all vendors in one process (`EmbeddedSandbox`, as it reports it) is printed
too. Word pools are cached (the state after a first run). Medians; no thresholds. The load
average before and after is printed as well: on a shared machine it explains the spread.

With --one-process, each run also times the command serving every vendor from one process
(as it does where fork is not used), right after the per-vendor one: the two then meet the
same load, which separate runs on a shared machine do not.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import asyncio, socket, sys, uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

async def hello(request):
    return PlainTextResponse("hello")

async def main():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0)); sock.listen(128); sock.setblocking(False)
    server = uvicorn.Server(uvicorn.Config(Starlette(routes=[Route("/", hello)]),
                                           log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.005)
    print('{"ready": true}', flush=True)
    await task

asyncio.run(main())
"""


def time_first_line(cmd: list[str], env: dict[str, str], check: bool = False) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    if check and line:
        check_serving(json.loads(line))  # every server accepts connections already
    proc.terminate()
    proc.wait(timeout=30)
    if not line:
        raise RuntimeError(proc.stderr.read() if proc.stderr else "no output")
    return elapsed, line


def check_serving(config: dict[str, dict[str, str]]) -> None:
    for values in config.values():
        host, port = values["base_url"].rsplit("//", 1)[1].split(":")
        with socket.create_connection((host, int(port)), timeout=5):
            pass


ONE_PROCESS = (
    "import sys; import console.sandbox.processes as p; p.forking_available = lambda: False; "
    "from console.cli.main import main; sys.exit(main(sys.argv[1:]))"
)


def in_process(scale: float) -> float:
    code = (
        "from console.sandbox.server import EmbeddedSandbox, SandboxOptions\n"
        f"s = EmbeddedSandbox(SandboxOptions(scale={scale})).start()\n"
        "print(s.startup_seconds); s.stop()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=300,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big-runs", type=int, default=3)
    parser.add_argument("--one-process", action="store_true", help="time that command too")
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CRM_CONSOLE_CACHE_DIR": f"{tmp}/cache"}
        os.environ["CRM_CONSOLE_CACHE_DIR"] = env["CRM_CONSOLE_CACHE_DIR"]
        sandbox = [sys.executable, "-m", "console", "sandbox", "--print-config"]
        one = [sys.executable, "-c", ONE_PROCESS, "sandbox", "--print-config"]
        time_first_line(sandbox, env)  # warm the word-pool cache
        bare, small, big = [], [], []
        one_small: list[float] = []
        one_big: list[float] = []
        for _ in range(args.runs):
            bare.append(time_first_line([sys.executable, "-c", BARE], env)[0])
            small.append(time_first_line(sandbox, env, check=True)[0])
            if args.one_process:
                one_small.append(time_first_line(one, env, check=True)[0])
        for _ in range(args.big_runs):
            big.append(time_first_line([*sandbox, "--scale", "200"], env)[0])
            if args.one_process:
                one_big.append(time_first_line([*one, "--scale", "200"], env)[0])
        inproc_small = statistics.median(in_process(1) for _ in range(args.runs))
        inproc_big = statistics.median(in_process(200) for _ in range(args.big_runs))
    b = statistics.median(bare)
    out: dict[str, object] = {
        "bare_uvicorn_app_ready_s": round(b, 3),
        "sandbox_scale_1_config_line_s": round(statistics.median(small), 3),
        "ratio_scale_1": round(statistics.median(small) / b, 2),
        "sandbox_scale_200_config_line_s": round(statistics.median(big), 3),
        "ratio_scale_200": round(statistics.median(big) / b, 2),
    }
    if args.one_process:
        out["one_process_scale_1_config_line_s"] = round(statistics.median(one_small), 3)
        out["ratio_one_process_scale_1"] = round(statistics.median(one_small) / b, 2)
        out["one_process_scale_200_config_line_s"] = round(statistics.median(one_big), 3)
        out["ratio_one_process_scale_200"] = round(statistics.median(one_big) / b, 2)
    out |= {
        "in_process_start_scale_1_s": round(inproc_small, 3),
        "in_process_start_scale_200_s": round(inproc_big, 3),
        "runs": {"scale_1": args.runs, "scale_200": args.big_runs},
        "load_average_1_5_15": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in os.getloadavg()],
        },
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
