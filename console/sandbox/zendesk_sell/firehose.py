"""The Firehose: one event log per resource, read with positions (`tail`, `top`, opaque).

Every change made through the sandbox appends an event (created / updated with `previous` /
deleted). A position names the last event a reader has seen; `tail` starts before the oldest
retained event and `top` at the newest. Events older than the retention (72 h by default) are
dropped, and a position from before them answers 410, as does a position that is not ours.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console.sandbox.common.fakedata import now_iso
from console.sandbox.common.store import Store
from console.sandbox.zendesk_sell.envelope import ZendeskError, fail
from console.sandbox.zendesk_sell.resources import STREAM_TYPES, STREAMS

Event = dict[str, Any]


def gone(details: str) -> ZendeskError:
    return fail(410, "gone", "The stream position is expired or invalid.", details)


@dataclass(slots=True)
class StreamPage:
    events: list[Event]
    position: str
    top: bool


class Firehose:
    def __init__(
        self,
        store: Store,
        *,
        retention: Callable[[], float],
        take_empty_page: Callable[[], bool],
        seed: int,
    ) -> None:
        self.store = store
        self._retention = retention
        self._take_empty_page = take_empty_page
        self.epoch = (
            store.meta("firehose:epoch")
            or hashlib.sha256(f"zendesk-firehose:{seed}".encode()).hexdigest()[:12]
        )
        store.set_meta("firehose:epoch", self.epoch)
        self._seqs: dict[str, list[int]] = {r: [] for r in STREAMS}

    # -- bookkeeping ------------------------------------------------------------------------------

    def restore(self) -> None:
        for resource in STREAMS:
            self._seqs[resource] = sorted(int(k) for k in self._table(resource).rows)

    def _table(self, resource: str) -> Any:
        return self.store.table(f"events:{resource}")

    def head(self, resource: str) -> int:
        return int(self.store.meta(f"firehose:head:{resource}", "0"))

    def _pruned_through(self, resource: str) -> int:
        return int(self.store.meta(f"firehose:pruned:{resource}", "0"))

    def append(
        self,
        resource: str,
        event_type: str,
        data: dict[str, Any],
        *,
        sequence: int,
        previous: dict[str, Any] | None = None,
        cause: str = "api",
        event_time: str | None = None,
        event_id: str | None = None,
    ) -> None:
        if resource not in self._seqs:
            return
        seq = self.head(resource) + 1
        self.store.set_meta(f"firehose:head:{resource}", str(seq))
        meta: dict[str, Any] = {
            "type": STREAM_TYPES[resource],
            "event_id": event_id or str(uuid.uuid4()),
            "event_type": event_type,
            "event_cause": cause,
            "event_time": event_time or now_iso(),
            "sequence": sequence,
        }
        if event_type == "updated":
            meta["previous"] = previous or {}
        self._table(resource).put(seq, {"seq": seq, "data": data, "meta": meta, "_at": time.time()})
        self._seqs[resource].append(seq)

    def prune(self, resource: str) -> None:
        cutoff = time.time() - self._retention()
        table = self._table(resource)
        seqs = self._seqs[resource]
        dropped = 0
        for seq in seqs:
            event = table.get(seq)
            if event is not None and event["_at"] >= cutoff:
                break
            table.delete(seq)
            dropped += 1
        if dropped:
            self.store.set_meta(f"firehose:pruned:{resource}", str(seqs[dropped - 1]))
            del seqs[:dropped]

    # -- positions --------------------------------------------------------------------------------

    def _mac(self, resource: str, seq: int) -> str:
        return hashlib.sha256(f"{self.epoch}:{resource}:{seq}".encode()).hexdigest()[:10]

    def encode(self, resource: str, seq: int) -> str:
        raw = f"{resource}:{seq}:{self._mac(resource, seq)}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def decode(self, resource: str, position: str) -> int:
        try:
            padded = position + "=" * (-len(position) % 4)
            name, seq_text, mac = base64.urlsafe_b64decode(padded).decode().split(":")
            seq = int(seq_text)
        except (ValueError, UnicodeDecodeError):
            raise gone("The position is not one this stream issued.") from None
        if name != resource or mac != self._mac(resource, seq) or seq > self.head(resource):
            raise gone("The position is not one this stream issued.")
        return seq

    # -- reading ----------------------------------------------------------------------------------

    def read(self, resource: str, position: str, limit: int) -> StreamPage:
        self.prune(resource)
        seqs = self._seqs[resource]
        head = self.head(resource)
        if position == "top":
            after = head
        elif position == "tail":
            after = seqs[0] - 1 if seqs else head
        else:
            after = self.decode(resource, position)
            if after < self._pruned_through(resource):
                raise gone("Events after this position are older than the retention period.")
        if after < head and self._take_empty_page():
            # The real Firehose may answer an empty page before it has caught up.
            return StreamPage([], self.encode(resource, after), top=False)
        start = bisect.bisect_right(seqs, after)
        chosen = seqs[start : start + limit]
        table = self._table(resource)
        events = [table.get(s) for s in chosen]
        last = chosen[-1] if chosen else after
        public = [{"data": e["data"], "meta": e["meta"]} for e in events if e is not None]
        return StreamPage(public, self.encode(resource, last), top=last >= head)
