"""Salesforce: Sales Engagement cadence actions, SOQL lists, and Communications Cloud Sales."""
