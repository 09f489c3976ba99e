"""Upgrade steps, one sub-package per profile version (v1001, v1002…)."""
