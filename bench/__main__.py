"""Run every benchmark: ``python -m bench`` (``BENCH_N`` items, default 5000)."""

from bench import changelog_overhead
from bench import large_containers

import sys


if __name__ == "__main__":
    sys.exit(large_containers.main() or changelog_overhead.main())
