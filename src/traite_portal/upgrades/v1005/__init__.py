"""Upgrade step to profile version 1005 (empty until a change needs it)."""
