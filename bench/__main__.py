"""Run every benchmark: ``python -m bench`` (``BENCH_N`` items, default 5000)."""

from bench.large_containers import main

import sys


if __name__ == "__main__":
    sys.exit(main())
