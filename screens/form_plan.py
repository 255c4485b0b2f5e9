"""From an endpoint's input model to a form, and from a form's problems back to its fields.

- `plan_fields`: one FieldSpec per input (hidden and `only` respected), the editor chosen from
  the annotation, pickers from `screens.pickers`, path ids from the record shown read-only.
- `check`: the typed values as the endpoint's inputs, validated by its pydantic model; each
  problem is attached to the field it names (a model-wide rule such as "a person needs a
  last_name" goes to the field its message names).
- `fields_named`: the form fields a vendor error points at (`/data/last_name`, Salesforce's
  `fields` list, Infinity's `actionParams[0].sfFields`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from console.catalog import Endpoint, InputField, Location
from console.service.inputs import problems_of
from screens.pickers import sources_for
from widgets.form_field import Editor, FieldSpec
from widgets.form_kinds import UNSET, FieldKind, Kind, classify

PARAMS_FIELDS = {("infinity", "actionParams")}
_HELP_SUFFIX = {
    Kind.LIST: "Comma-separated.",
    Kind.MAPPING: "A JSON object, or one key=value per line.",
    Kind.JSON: "JSON.",
}


def _extra(ep: Endpoint, f: InputField) -> Mapping[str, Any]:
    info = ep.input_model.model_fields.get(f.attribute)
    extra = info.json_schema_extra if info is not None else None
    return extra if isinstance(extra, Mapping) else {}


def _prefilled(prefill: Mapping[str, Any], f: InputField) -> Any:
    for key in (f.name, f.attribute):
        if key in prefill and prefill[key] is not None:
            return prefill[key]
    return UNSET


def plan_fields(
    ep: Endpoint,
    prefill: Mapping[str, Any],
    *,
    hidden: Iterable[str] = (),
    only: Iterable[str] | None = None,
) -> list[FieldSpec]:
    hidden_names, wanted = set(hidden), set(only) if only is not None else None
    specs: list[FieldSpec] = []
    for f in ep.fields():
        if f.name in hidden_names or (wanted is not None and f.name not in wanted):
            continue
        kind = classify(f.annotation)
        choices = _extra(ep, f).get("x-choices")
        if isinstance(choices, (list, tuple)) and kind.kind is Kind.TEXT:
            kind = FieldKind(Kind.CHOICE, kind.optional, tuple(str(c) for c in choices))
        initial = _prefilled(prefill, f)
        if initial is UNSET and f.default is not None:
            initial = f.default
        editor: Editor
        if (ep.vendor, f.name) in PARAMS_FIELDS:
            editor = "params"
            initial = params_initial(initial)
        elif f.location == Location.PATH.value and _prefilled(prefill, f) is not UNSET:
            editor = "fixed"
        elif sources_for(ep.id, f.name) and kind.kind in (Kind.TEXT, Kind.INTEGER):
            editor = "picker"
        elif kind.kind is Kind.BOOL:
            editor = "check"
        elif kind.kind is Kind.CHOICE:
            editor = "select"
        elif kind.kind in (Kind.JSON, Kind.MAPPING):
            editor = "text"
        else:
            editor = "input"
        suffix = "" if editor == "params" else _HELP_SUFFIX.get(kind.kind, "")
        if suffix == "JSON." and "JSON" in f.description:
            suffix = ""
        help_text = " ".join(p for p in (f.description, suffix) if p)
        specs.append(
            FieldSpec(f.name, kind, editor, required=f.required, help=help_text, initial=initial)
        )
    return specs


def params_initial(value: Any) -> Any:
    """A button's actionParams as the editor's rows (the vendor's answer shape accepted)."""
    if value is UNSET or value is None:
        return UNSET
    if isinstance(value, Mapping):  # the older flat form {"Field__c": "value"}: nothing to edit
        return UNSET
    rows = []
    for param in value:
        data = param.model_dump(mode="json") if hasattr(param, "model_dump") else dict(param)
        rows.append({k: v for k, v in data.items() if v not in (None, "", [])})
    return rows


# -- checking what was typed ----------------------------------------------------------------


@dataclass(slots=True)
class Check:
    data: dict[str, Any] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # field name -> message
    general: list[str] = field(default_factory=list)  # problems no field owns

    @property
    def ok(self) -> bool:
        return not self.problems and not self.general


def check(
    ep: Endpoint,
    values: Mapping[str, Any],
    read_errors: Mapping[str, str],
    *,
    shown: Iterable[str],
    ignore: Iterable[str] = (),
) -> Check:
    """Validate values with the input model; `ignore` names fields the caller fills later."""
    shown_names, ignored = list(shown), set(ignore)
    out = Check(data=dict(values), problems=dict(read_errors))
    if out.problems:
        return out
    try:
        ep.input_model.model_validate(out.data)
    except ValidationError as exc:
        for problem in problems_of(exc):
            owner, detail = owner_of(problem.field, problem.message, shown_names)
            if owner in ignored or problem.field.split(".")[0].split("[")[0] in ignored:
                continue
            if owner is None:
                where = f"{problem.field}: " if problem.field else ""
                out.general.append(f"{where}{problem.message}")
            elif owner not in out.problems:
                out.problems[owner] = detail
    return out


def owner_of(location: str, message: str, names: list[str]) -> tuple[str | None, str]:
    """The shown field a problem belongs to, and the message to show beside it."""
    if location:
        head = re.match(r"[^.\[]+", location)
        name = head.group(0) if head else location
        if name in names:
            rest = location[len(name) :].lstrip(".")
            return name, f"{rest}: {message}" if rest else message
        return None, message
    mentioned = mentioned_field(message, names)
    return mentioned, message


def mentioned_field(message: str, names: Iterable[str]) -> str | None:
    """The field a model-wide message names first ("a person needs a last_name ...")."""
    best: tuple[int, str] | None = None
    for name in names:
        found = re.search(rf"(?<![\w\[]){re.escape(name)}(?![\w\]])", message)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), name)
    return best[1] if best else None


def fields_named(vendor_field: str | None, names: Iterable[str]) -> list[str]:
    """The form fields a vendor's error `field` points at, in the order it names them."""
    if not vendor_field:
        return []
    lower = {n.lower(): n for n in names}
    out: list[str] = []
    for part in re.split(r"[,;]\s*", vendor_field):
        for token in (t for t in re.split(r"[/.\[\]\s]+", part) if t):
            name = lower.get(token.lower())
            if name is not None:
                if name not in out:
                    out.append(name)
                break
    return out


def param_problems(detail: str) -> dict[int, str]:
    """'[1].dropdown.options: ...' -> {1: 'options: ...'} for the actionParams editor."""
    found = re.match(r"\[(\d+)\]\.?(?:(?:fixed|dropdown)\.)?(.*)", detail)
    if not found:
        return {}
    return {int(found.group(1)): found.group(2)}
