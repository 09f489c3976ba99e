"""Lossless export and import of a whole site (docs/migration.md)."""
