"""Reading a whole Zendesk list, and draining a Firehose stream.

Zendesk lists say nothing of their total, so after the first page the next few are fetched
speculatively, `page_concurrency` at a time, and yielded in order; the first short or empty
page (or one without a next_page link) ends the list and the requests still in flight are
cancelled. At most `page_concurrency - 1` requests are wasted past the end.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable

from console.http.base import Page

FetchPage = Callable[[int], Awaitable[Page]]
FetchStream = Callable[[str], Awaitable[Page]]
EMPTY_POLLS = 5  # empty reads behind the top, in a row, before a drain gives up for now
EMPTY_POLL_WAIT = 0.05


def is_last(page: Page, per_page: int) -> bool:
    return page.next is None or len(page.items) < per_page


async def all_pages(
    fetch: FetchPage, first_page: int, per_page: int, concurrency: int
) -> AsyncIterator[Page]:
    first = await fetch(first_page)
    yield first
    if is_last(first, per_page):
        return
    window = max(1, concurrency)
    pending: deque[asyncio.Task[Page]] = deque()
    upcoming = first_page + 1
    try:
        while True:
            while len(pending) < window:
                pending.append(asyncio.ensure_future(fetch(upcoming)))
                upcoming += 1
            page = await pending.popleft()
            if not page.items:
                return
            yield page
            if is_last(page, per_page):
                return
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


async def drain(read: FetchStream, position: str) -> AsyncIterator[Page]:
    """Read a stream until it reports `top`; each page's `next` is the position to keep."""
    empty = 0
    while True:
        page = await read(position)
        position = str(page.next)
        top = bool(page.meta.get("top"))
        if page.items or top:
            empty = 0
            yield page
        else:
            empty += 1
            if empty >= EMPTY_POLLS:
                yield page  # behind the top, nothing yet: the caller keeps this position
                return
            await asyncio.sleep(EMPTY_POLL_WAIT * empty)
        if top:
            return
