"""The Zendesk Sell sandbox: Core API v2, Firehose v3 and OAuth 2 on 127.0.0.1."""

from console.sandbox.zendesk_sell.app import Sandbox

__all__ = ["Sandbox"]
