"""The test server layer starts again on a free port
(``testing.FreePortWSGIServer``): by the time a worker sets the layer up
again, the port its last server had may be held by another process."""

from traite_portal.testing import WSGI_SERVER_FIXTURE

import requests
import socket


def test_the_server_starts_again_when_its_last_port_is_taken(functional):
    layer = WSGI_SERVER_FIXTURE
    old_port = layer["port"]
    layer.tearDown()
    holder = socket.socket()
    try:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", old_port))
        holder.listen()
        layer.setUp()  # plone.testing's own layer binds old_port again here
    finally:
        holder.close()
    assert layer["port"] != old_port
    portal = functional["portal"]
    answer = requests.get(
        f"http://{layer['host']}:{layer['port']}/{portal.getId()}/@@ok", timeout=30
    )
    assert answer.status_code == 200
    assert answer.text == "OK"
