"""Upgrade step to profile version 1010 (empty until a change needs it)."""
