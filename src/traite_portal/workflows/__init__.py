"""Workflows: the permission matrix, transition guards and sharing roles."""
