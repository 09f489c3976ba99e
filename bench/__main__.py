"""Run every benchmark: ``python -m bench`` (``BENCH_N`` items, default 5000;
``BENCH_LIBRARY_N`` texts in the library benchmark, default 30000)."""

from bench import changelog_overhead
from bench import large_containers
from bench import library_listing

import sys


if __name__ == "__main__":
    sys.exit(
        large_containers.main() or library_listing.main() or changelog_overhead.main()
    )
