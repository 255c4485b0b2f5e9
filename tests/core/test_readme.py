"""README: the endpoint table matches the catalog, and CI runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

from console.docs import END, START, endpoint_table, render_readme

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def test_endpoint_table_is_current() -> None:
    assert render_readme(README) == README, "run: python -m console.docs --write"


def test_every_endpoint_is_in_the_table() -> None:
    from console.catalog import all_endpoints

    table = README[README.index(START) : README.index(END)]
    missing = [ep.id for ep in all_endpoints() if f"`{ep.id}`" not in table]
    assert missing == []
    assert endpoint_table() in table


def _fenced_commands(heading: str) -> list[str]:
    section = README.split(heading, 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, heading
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_one_command_to_start_and_one_to_test() -> None:
    start = _fenced_commands("## Start it")
    test = _fenced_commands("## Run the whole test suite")
    assert len(start) == 1
    assert start[0].rstrip().endswith("crm-console")
    assert len(test) == 1
    assert "pytest" in test[0]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    command = _fenced_commands("## Run the whole test suite")[0]
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert command in ci
