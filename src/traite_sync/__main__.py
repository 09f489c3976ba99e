"""``python -m traite_sync``: the same as the ``traite-sync`` console script."""

from traite_sync.cli import main

import sys


sys.exit(main())
