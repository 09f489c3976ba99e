"""Set up and tear down a plone.app.testing layer outside a test runner."""

from pathlib import Path

import os
import re
import sys
import time
import transaction


# The security implementation the portal was measured with (see set_up).
SECURITY_IMPLEMENTATION = "C"
ZOPE_CONF = Path(__file__).resolve().parents[1] / "etc" / "zope.conf.in"


def instance_cache_size() -> int:
    """Objects each ZODB connection of a real instance keeps (``cache-size``)."""
    return int(re.search(r"^\s*cache-size\s+(\d+)", ZOPE_CONF.read_text(), re.M)[1])


def all_layers(layer) -> list:
    """The layer and its bases, bases first, each once."""
    ordered = []

    def visit(current):
        for base in current.__bases__:
            visit(base)
        if current not in ordered:
            ordered.append(current)

    visit(layer)
    return ordered


def set_up(layer) -> None:
    """Set ``layer`` up, then switch Zope's security checks back to their C
    implementation, as a real instance runs them: plone.testing's Zope layer
    chooses the pure Python one (easier to debug), several times slower on
    every request, which would time the tests' setting, not the portal.
    Likewise the database's connections keep as many objects as an
    instance's (``etc/zope.conf.in``), not ZODB's default of 400, which
    reloads the catalog's and the tools' objects on every request."""
    from AccessControl.Implementation import setImplementation

    for current in all_layers(layer):
        current.setUp()
    layer.testSetUp()
    setImplementation(SECURITY_IMPLEMENTATION)
    layer["zodbDB"].setCacheSize(instance_cache_size())


def tear_down(layer) -> None:
    transaction.abort()
    layer.testTearDown()
    for current in reversed(all_layers(layer)):
        current.tearDown()


def hold_while_busy() -> None:
    """Wait before a measurement while the processes ``BENCH_HOLD_PIDS``
    (space-separated ids: a test run sharing the machine) still run: the
    filling goes on beside them, the timing waits for the machine alone."""
    pids = [int(pid) for pid in os.environ.get("BENCH_HOLD_PIDS", "").split()]
    told = False
    while any(_running(pid) for pid in pids):
        if not told:
            print(f"Mesure en attente de la fin de {pids}", file=sys.stderr, flush=True)
            told = True
        time.sleep(1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
