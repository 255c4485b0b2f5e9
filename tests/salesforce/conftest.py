"""Salesforce test helpers: plain-HTTP access to a sandbox org, and an org of one's own.

Tests that change cadence state use `org` (a Salesforce-only sandbox per module) and pick
their records by querying the current state, so they never depend on each other's order.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from console.sandbox.server import EmbeddedSandbox, SandboxOptions
from tests.conftest import Admin

API = "/services/data/v64.0"
INBOUND = "Inbound Lead Follow-up"


def failure(element: dict[str, Any]) -> tuple[str, str]:
    """(statusCode, message) of a failed action result element, checking its shape."""
    assert element["isSuccess"] is False
    (error,) = element["errors"]
    assert element["outputValues"] == {"error": error["message"]}
    return error["statusCode"], error["message"]


class Org:
    """One running Salesforce sandbox, driven as a third-party integration would drive it."""

    def __init__(self, sandbox: EmbeddedSandbox) -> None:
        self.sandbox = sandbox
        self.config: dict[str, Any] = sandbox.config["salesforce"]
        self.base_url: str = self.config["base_url"]
        self.token: str = self.config["access_token"]
        self.http = httpx.Client(
            base_url=self.base_url + API,
            headers={"Authorization": f"Bearer {self.token}"},
            trust_env=False,
            timeout=30,
        )
        self.admin = Admin(self.base_url)

    def query(self, soql: str, **headers: str) -> dict[str, Any]:
        response = self.http.get("/query", params={"q": soql}, headers=headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def records(self, soql: str) -> list[dict[str, Any]]:
        return list(self.query(soql)["records"])

    def one(self, soql: str) -> dict[str, Any]:
        rows = self.records(soql)
        assert rows, soql
        return rows[0]

    def invoke(self, action: str, *inputs: dict[str, Any]) -> httpx.Response:
        return self.http.post(f"/actions/standard/{action}", json={"inputs": list(inputs)})

    @contextmanager
    def settings(self, **changes: Any) -> Iterator[dict[str, Any]]:
        """Change sandbox settings for a block, then put them back."""
        before = self.admin.settings()
        try:
            yield self.admin.settings(**changes)
        finally:
            self.admin.settings(**before)

    def free_target(self, sobject: str = "Contact", skip: int = 0) -> str:
        """A target with no cadence in progress (to assign)."""
        busy = {
            r["TargetId"]
            for r in self.records(
                "SELECT TargetId FROM ActionCadenceTracker WHERE IsTrackerActive = true"
            )
        }
        free = [
            r["Id"]
            for r in self.records(f"SELECT Id FROM {sobject} ORDER BY Id")
            if r["Id"] not in busy
        ]
        return free[skip]

    def assign(self, target: str, **extra: Any) -> dict[str, Any]:
        """Put a target in the Inbound cadence (or as `extra` says); its tracker."""
        inputs = {"salesCadenceNameOrId": INBOUND, "targetId": target, **extra}
        response = self.invoke("assignTargetToSalesCadence", inputs)
        assert response.status_code == 200, response.text
        assert response.json()[0]["isSuccess"], response.text
        return self.tracker_of(target)

    def tracker_of(self, target_id: str) -> dict[str, Any]:
        """The target's tracker in progress (or its latest one)."""
        rows = self.records(
            f"SELECT Id, State, OwnerId, CurrentStepId, LastCompletedStepId, CompletionReason, "
            f"CompletionDisposition, RelatedToId, RelatedToAttributionType, IsTrackerActive, "
            f"ScheduledResumeDateTime, ActionCadenceId, ActionCadence.Name FROM "
            f"ActionCadenceTracker WHERE TargetId = '{target_id}' "
            f"ORDER BY IsTrackerActive DESC, LastModifiedDate DESC"
        )
        assert rows, target_id
        return rows[0]

    def step_tracker(self, step_tracker_id: str) -> dict[str, Any]:
        return self.one(
            f"SELECT Id, State, StepTitle, StepType, CompletionReason, CompletionDate, "
            f"ActionCadenceTrackerId FROM ActionCadenceStepTracker WHERE Id = '{step_tracker_id}'"
        )

    def close(self) -> None:
        self.http.close()
        self.admin.http.close()


def start_org(seed: int = 7, **settings: Any) -> EmbeddedSandbox:
    options = SandboxOptions(vendors=("salesforce",), seed=seed, settings={"salesforce": settings})
    return EmbeddedSandbox(options).start()


@pytest.fixture(scope="module")
def org() -> Iterator[Org]:
    """A Salesforce sandbox of this module's own (its data may be changed freely)."""
    running = start_org()
    handle = Org(running)
    yield handle
    handle.close()
    running.stop()


@pytest.fixture
def fresh_org() -> Iterator[Org]:
    """A pristine Salesforce sandbox for one test (exact counts, expired sessions)."""
    running = start_org(seed=11)
    handle = Org(running)
    yield handle
    handle.close()
    running.stop()


@pytest.fixture
def shared(sandbox: EmbeddedSandbox) -> Iterator[Org]:
    """The session sandbox's Salesforce server (read-only use)."""
    handle = Org(sandbox)
    yield handle
    handle.close()
