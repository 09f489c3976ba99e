"""Upgrade step to profile version 1007 (empty until a change needs it)."""
