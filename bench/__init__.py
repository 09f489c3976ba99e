"""Benchmarks of the portal: `make bench` (prints tables, never fails the suite)."""
