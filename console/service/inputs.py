"""Turning what a person typed into an endpoint's validated input model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from console.catalog.endpoint import Endpoint
from console.errors import FieldProblem, InputError


def _location(loc: Sequence[int | str], prefix: str) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else str(p) for p in loc]
    text = ".".join(parts).replace(".[", "[")
    return prefix + text if prefix else text


def problems_of(exc: ValidationError, prefix: str = "") -> list[FieldProblem]:
    out = []
    for err in exc.errors(include_url=False):
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        elif err["type"] == "missing":
            msg = "required"
        out.append(FieldProblem(_location(err["loc"], prefix), msg))
    return out


def validate(ep: Endpoint, inputs: BaseModel | Mapping[str, Any] | None) -> BaseModel:
    if isinstance(inputs, ep.input_model):
        return inputs
    data = (
        inputs.model_dump(by_alias=True, exclude_unset=True)
        if isinstance(inputs, BaseModel)
        else dict(inputs or {})
    )
    try:
        return ep.input_model.model_validate(data)
    except ValidationError as exc:
        problems = problems_of(exc)
        names = ", ".join(p.field for p in problems)
        raise InputError(f"{ep.id}: invalid input ({names})", problems) from None


def validate_many(ep: Endpoint, inputs: Sequence[BaseModel | Mapping[str, Any]]) -> list[BaseModel]:
    """Validate every input of a batch; any problem refuses the whole batch, naming positions."""
    out: list[BaseModel] = []
    problems: list[FieldProblem] = []
    for i, item in enumerate(inputs):
        try:
            out.append(validate(ep, item))
        except InputError as exc:
            problems.extend(FieldProblem(f"[{i}].{p.field}", p.message) for p in exc.problems)
    if problems:
        raise InputError(f"{ep.id}: {len(problems)} invalid input(s)", problems)
    return out
