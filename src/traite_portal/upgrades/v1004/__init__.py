"""Upgrade step to profile version 1004 (empty until a change needs it)."""
