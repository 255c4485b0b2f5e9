"""The Totango sandbox: SuccessPlay runs and account search on 127.0.0.1."""

from console.sandbox.totango.app import Sandbox

__all__ = ["Sandbox"]
