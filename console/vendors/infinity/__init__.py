"""Infinity: Caller Insight for Salesforce buttons and call ratings (Config API v2)."""
