"""Upgrade step to profile version 1009 (empty until a change needs it)."""
