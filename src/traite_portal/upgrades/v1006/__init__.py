"""Upgrade step to profile version 1006 (empty until a change needs it)."""
