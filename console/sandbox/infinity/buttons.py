"""Checking a create/update body for a Caller Insight button, and normalising it for storage.

Bodies arrive PHP-style (already nested by phpform) or as JSON. Scalars are kept as strings,
as posted form data would be. Messages start with the parameter at fault
("actionParams[0][sfFields] is required"), which is how a client can tell the field.
"""

from __future__ import annotations

import re
from typing import Any

from console.sandbox.infinity.listing import ApiError

ACTIONS = ("prompt", "rateCall", "logCall", "createLead")
CREATE_PARAMS = ("callRating", "buttonAction", "buttonLabel", "actionParams", "isDefaultButton")
UPDATE_PARAMS = ("callRating", "buttonLabel", "actionParams", "isDefaultButton")
_API_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_FIXED_KEYS = {"sfFields", "value", "type"}
_DROPDOWN_KEYS = {"sfFields", "type", "label", "required", "options"}


def _bad(message: str) -> ApiError:
    return ApiError(400, message)


def _scalar(value: Any) -> str | None:
    """A posted scalar as text (JSON numbers and booleans as a form would send them)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float, str)):
        return str(value)
    return None


def _flag(value: Any, name: str) -> int:
    text = _scalar(value)
    low = (text or "").strip().lower()
    if low in ("1", "true"):
        return 1
    if low in ("0", "false", ""):
        return 0
    raise _bad(f"{name} must be 0 or 1")


def _text(body: dict[str, Any], name: str, *, required: bool) -> str | None:
    if name not in body:
        if required:
            raise _bad(f"{name} is required")
        return None
    text = _scalar(body[name])
    if text is None:
        raise _bad(f"{name} must be text")
    text = text.strip()
    if not text:
        raise _bad(f"{name} may not be empty")
    return text


def _as_list(value: Any) -> Any:
    if isinstance(value, dict) and value and all(str(k).isdigit() for k in value):
        return [value[k] for k in sorted(value, key=lambda k: int(str(k)))]
    return value


def read_payload(body: dict[str, Any], *, creating: bool, strict: bool) -> dict[str, Any]:
    """The changes a body asks for, checked and normalised (ApiError 400 when wrong)."""
    allowed = CREATE_PARAMS if creating else UPDATE_PARAMS
    if strict:
        for name in body:
            if name == "buttonAction" and not creating:
                raise _bad("buttonAction cannot be changed: delete the button and create another")
            if name not in allowed:
                raise _bad(f"{name} is not a known parameter")
    out: dict[str, Any] = {}
    for name in ("callRating", "buttonLabel"):
        text = _text(body, name, required=creating)
        if text is not None:
            out[name] = text
    if creating:
        action = _text(body, "buttonAction", required=True)
        if action not in ACTIONS:
            raise _bad(f"buttonAction must be one of {', '.join(ACTIONS)}")
        out["buttonAction"] = action
    if "isDefaultButton" in body:
        out["isDefaultButton"] = _flag(body["isDefaultButton"], "isDefaultButton")
    if "actionParams" in body:
        out["actionParams"] = read_action_params(body["actionParams"])
    return out


def read_action_params(value: Any) -> list[dict[str, Any]] | dict[str, str]:
    """A list of fixed/dropdown parameters; or the older flat form {"Field__c": "value"}."""
    value = _as_list(value)
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, dict) and "sfFields" in value:
        value = [value]  # one parameter sent without an index
    if isinstance(value, dict):
        flat: dict[str, str] = {}
        for key, item in value.items():
            text = _scalar(item)
            if not _API_NAME.match(str(key)) or text is None:
                raise _bad(f"actionParams[{key}] must be a Salesforce field name and a value")
            flat[str(key)] = text
        return flat
    if not isinstance(value, list):
        raise _bad("actionParams must be a list, e.g. actionParams[0][sfFields][Lead]=OwnerId")
    return [_param(item, f"actionParams[{i}]") for i, item in enumerate(value)]


def _sf_fields(value: Any, where: str) -> dict[str, str]:
    if value is None or value == "":
        raise _bad(f"{where}[sfFields] is required, e.g. {where}[sfFields][Lead]=OwnerId")
    if not isinstance(value, dict) or not value:
        raise _bad(f"{where}[sfFields] must name a Salesforce object and its field")
    out: dict[str, str] = {}
    for obj, fieldname in value.items():
        if not _API_NAME.match(str(obj)) or not isinstance(fieldname, str):
            raise _bad(f"{where}[sfFields][{obj}] must be a field API name")
        if not _API_NAME.match(fieldname):
            raise _bad(f"{where}[sfFields][{obj}] '{fieldname}' is not a field API name")
        out[str(obj)] = fieldname
    return out


def _param(item: Any, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise _bad(f"{where} must be a set of fields, e.g. {where}[sfFields][Lead]=OwnerId")
    kind = item.get("type")
    if kind in (None, ""):
        return _fixed(item, where)
    if kind != "dropdown":
        raise _bad(f"{where}[type] must be dropdown (or left out for a fixed value)")
    return _dropdown(item, where)


def _fixed(item: dict[str, Any], where: str) -> dict[str, Any]:
    for key in item:
        if key not in _FIXED_KEYS:
            hint = " (only dropdowns have it)" if key in _DROPDOWN_KEYS else ""
            raise _bad(f"{where}[{key}] is not a parameter field{hint}")
    fields = _sf_fields(item.get("sfFields"), where)
    if "value" not in item:
        raise _bad(f"{where}[value] is required for a fixed parameter")
    value = _scalar(item["value"])
    if value is None:
        raise _bad(f"{where}[value] must be text")
    return {"sfFields": fields, "value": value}


def _dropdown(item: dict[str, Any], where: str) -> dict[str, Any]:
    for key in item:
        if key not in _DROPDOWN_KEYS:
            raise _bad(f"{where}[{key}] is not a parameter field")
    fields = _sf_fields(item.get("sfFields"), where)
    label = _scalar(item.get("label"))
    if not label or not label.strip():
        raise _bad(f"{where}[label] is required for a dropdown")
    required = _flag(item.get("required", "0"), f"{where}[required]")
    options = _as_list(item.get("options"))
    if isinstance(options, dict):
        options = [options]  # one option sent without an index
    if not isinstance(options, list) or not options:
        raise _bad(f"{where}[options] needs at least one option ([label] and [value])")
    out = []
    for j, option in enumerate(options):
        at = f"{where}[options][{j}]"
        if not isinstance(option, dict):
            raise _bad(f"{at} must have a label and a value")
        extra = set(option) - {"label", "value"}
        if extra:
            raise _bad(f"{at}[{sorted(extra)[0]}] is not an option field")
        texts = {k: _scalar(option.get(k)) for k in ("label", "value")}
        for k, text in texts.items():
            if text is None or not text.strip():
                raise _bad(f"{at}[{k}] is required")
        out.append({"label": texts["label"], "value": texts["value"]})
    return {
        "sfFields": fields,
        "type": "dropdown",
        "label": label.strip(),
        "required": str(required),
        "options": out,
    }
