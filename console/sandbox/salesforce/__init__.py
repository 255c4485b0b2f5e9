"""The Salesforce sandbox: Sales Engagement cadence actions, SOQL, Comms Cloud Sales and OAuth
on 127.0.0.1, at Salesforce's own paths."""

from console.sandbox.salesforce.app import Sandbox

__all__ = ["Sandbox"]
