"""Upgrade step to profile version 1008 (empty until a change needs it)."""
