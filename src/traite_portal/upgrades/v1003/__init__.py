"""Upgrade step to profile version 1003 (empty until a change needs it)."""
