"""The functional layers' WSGI server starts on a free port at every set-up.

A worker of the suite sets the server layer up once per group of layers that
uses it. plone.testing's own layer binds the port of its first server again
at the next set-up, where another process's connection may hold it by then.

The life cycle runs in a subprocess of its own: setting the shared server
layer up again inside this worker would start Zope again under the worker's
later tests.
"""

import json
import os
import subprocess
import sys


SCRIPT = r"""
import json, socket, requests
from plone.testing import zope
from traite_portal.testing import FreePortWSGIServer


def answers(port):
    return requests.get(f"http://localhost:{port}/", timeout=30).status_code


def cycle(layer):
    '''Set up, tear down, hold the old port, set up again.'''
    zope.STARTUP.setUp()
    layer.setUp()
    first = layer["port"]
    report = {"first": first, "first answers": answers(first)}
    layer.tearDown()
    holder = socket.socket()
    try:
        holder.bind(("localhost", first))
        holder.listen()
        report["held by"] = "another socket"
    except OSError:
        report["held by"] = "the old server"
    try:
        layer.setUp()
    except OSError as error:
        report["again"] = f"OSError: {error.strerror}"
    else:
        report["again"] = layer["port"]
        report["again answers"] = answers(layer["port"])
        layer.tearDown()
    holder.close()
    zope.STARTUP.tearDown()
    return report


print(json.dumps({
    "free port": cycle(FreePortWSGIServer(name="FreePort")),
    "plone.testing": cycle(zope.WSGIServer(name="Stock")),
}))
"""


def test_second_set_up_gets_a_free_port_where_stock_layer_fails():
    # A port set in the environment is kept by both layers: none here.
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("WSGI_SERVER_PORT", "ZSERVER_PORT")
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    ours, stock = report["free port"], report["plone.testing"]
    assert ours["first answers"] < 500
    assert isinstance(ours["again"], int), ours
    assert ours["again"] != ours["first"]
    assert ours["again answers"] < 500
    # The stock layer binds its first port again: held, the set-up fails.
    assert stock["again"] == "OSError: Address already in use", stock
