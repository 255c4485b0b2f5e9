"""Knobs of the HTTP layer, with defaults a support agent never needs to touch."""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True, slots=True)
class ClientSettings:
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    write_timeout: float = 30.0
    pool_timeout: float = 5.0
    # Retries apply to idempotent requests only (see console/http/retry.py).
    max_attempts: int = 4
    backoff_initial: float = 0.25
    backoff_max: float = 8.0
    backoff_jitter: float = 0.25
    retry_after_max: float = 60.0
    # Salesforce invocable actions: inputs per request (an org setting, default 200).
    batch_size: int = 200
    # Pages fetched at once where the API allows parallel paging.
    page_concurrency: int = 4
    # Client-side rate limits per token; None uses each vendor's documented limit.
    rate_limit_per_minute: float | None = None
    user_agent: str = "crm-console/0.1 (+https://example.invalid/crm-console)"

    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(
            connect=self.connect_timeout,
            read=self.read_timeout,
            write=self.write_timeout,
            pool=self.pool_timeout,
        )
