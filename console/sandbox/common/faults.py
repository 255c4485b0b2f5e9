"""Injected faults, per vendor server: set at start (`--faults`) or at runtime (`/_sandbox/faults`).

Spec grammar for `--faults`:  [vendor:]key=value[,key=value...][;[vendor:]...]
A clause without a vendor applies to every vendor. Example:
    "latency_ms=20;zendesk_sell:error_rate=0.1,error_status=503;totango:rate_window_scale=0.01"
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field, fields
from typing import Any

VENDOR_NAMES = ("salesforce", "zendesk_sell", "infinity", "totango")


@dataclass(slots=True)
class Faults:
    latency_ms: float = 0.0  # added before every answer
    jitter_ms: float = 0.0  # plus a random 0..jitter_ms
    error_rate: float = 0.0  # fraction of requests answered error_status
    error_status: int = 503  # 500 or 503
    fail_next: int = 0  # the next N requests get error_status (deterministic)
    rate_429: float = 0.0  # fraction of requests answered 429
    burst_429: int = 0  # the next N requests get 429 (deterministic)
    retry_after: float | None = None  # Retry-After seconds sent with injected 429s
    drop_rate: float = 0.0  # fraction of connections dropped mid-answer
    drop_next: int = 0  # the next N connections dropped (deterministic)
    drop_after_handling: bool = False  # drop after the request took effect (worst case)
    malformed_rate: float = 0.0  # fraction of JSON answers truncated
    malformed_next: int = 0  # the next N JSON answers truncated (deterministic)
    rate_window_scale: float = 1.0  # vendor rate-limit windows are multiplied by this
    seed: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._rng.seed(self.seed)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("_rng", None)
        return data

    def update(self, changes: dict[str, Any]) -> None:
        names = {f.name: f for f in fields(self) if not f.name.startswith("_")}
        for key, value in changes.items():
            if key not in names:
                raise ValueError(f"unknown fault setting {key!r}")
            setattr(self, key, _coerce(names[key].type, value))
        if "seed" in changes:
            self._rng.seed(self.seed)

    def reset(self) -> None:
        fresh = Faults()
        for f in fields(self):
            if not f.name.startswith("_"):
                setattr(self, f.name, getattr(fresh, f.name))
        self._rng.seed(self.seed)

    # -- decisions, one per request ------------------------------------------------------------

    def delay(self) -> float:
        extra = self._rng.uniform(0, self.jitter_ms) if self.jitter_ms else 0.0
        return max(0.0, (self.latency_ms + extra) / 1000.0)

    def take_error(self) -> int | None:
        if self.fail_next > 0:
            self.fail_next -= 1
            return self.error_status
        if self.error_rate and self._rng.random() < self.error_rate:
            return self.error_status
        return None

    def take_429(self) -> bool:
        if self.burst_429 > 0:
            self.burst_429 -= 1
            return True
        return bool(self.rate_429 and self._rng.random() < self.rate_429)

    def take_drop(self) -> bool:
        if self.drop_next > 0:
            self.drop_next -= 1
            return True
        return bool(self.drop_rate and self._rng.random() < self.drop_rate)

    def take_malformed(self) -> bool:
        if self.malformed_next > 0:
            self.malformed_next -= 1
            return True
        return bool(self.malformed_rate and self._rng.random() < self.malformed_rate)


def _coerce(kind: Any, value: Any) -> Any:
    text = str(kind)
    if isinstance(value, str):
        low = value.strip().lower()
        if "bool" in text:
            return low in ("1", "true", "yes", "on")
        if low in ("none", "null", "") and "None" in text:
            return None
        if "int" in text and "float" not in text:
            return int(float(value))
        if "float" in text:
            return float(value)
        return value
    if "bool" in text:
        return bool(value)
    if "int" in text and "float" not in text and value is not None:
        return int(value)
    if "float" in text and value is not None:
        return float(value)
    return value


def parse_spec(spec: str | None) -> dict[str, dict[str, str]]:
    """Parse a `--faults` spec into {vendor: {key: value}} (all vendors for unprefixed clauses)."""
    out: dict[str, dict[str, str]] = {v: {} for v in VENDOR_NAMES}
    if not spec:
        return out
    for clause in spec.split(";"):
        clause = clause.strip()
        if not clause:
            continue
        targets: tuple[str, ...] = VENDOR_NAMES
        head, sep, rest = clause.partition(":")
        if sep and "=" not in head:
            vendor = head.strip()
            if vendor not in VENDOR_NAMES:
                raise ValueError(f"unknown vendor {vendor!r} in --faults")
            targets = (vendor,)
            clause = rest
        for pair in clause.split(","):
            key, eq, value = pair.partition("=")
            if not eq:
                raise ValueError(f"expected key=value in --faults, got {pair!r}")
            for vendor in targets:
                out[vendor][key.strip()] = value.strip()
    probe = Faults()
    for changes in out.values():
        probe.update(dict(changes))  # validate names and values early
        probe.reset()
    return out
