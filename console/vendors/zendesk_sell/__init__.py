"""Zendesk Sell (formerly Base CRM): contacts, deals, leads, notes, tasks, orders, the
Firehose event streams, and the pickers the forms use."""
