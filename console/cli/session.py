"""Opening a service for one CLI command, with the journal, and closing it again."""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from console.api import default_journal, open_session
from console.service.service import Service


@asynccontextmanager
async def cli_service(args: argparse.Namespace) -> AsyncIterator[Service]:
    session = open_session(
        getattr(args, "profile", None),
        sandbox=True if getattr(args, "sandbox", False) else None,
        read_only=True if getattr(args, "read_only", False) else None,
    )
    journal = default_journal()
    try:
        async with Service(session.profile, journal=journal) as service:
            yield service
    finally:
        journal.close()
        session.close()
