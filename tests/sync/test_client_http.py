"""traite-sync's HTTP: timeouts, retries and unreachable portals, on real sockets.

A server that accepts connections and never answers, one that answers 503
to everything, and a port where nobody listens: the command stops with the
documented exit status and a French message, after the retries it was told.
A directory that is not a mirror, or one another run holds, is refused
before any request.
"""

from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from sync_client import snapshot
from sync_client import STATE_DIR
from sync_client import traite_sync
from traite_sync.exits import Exit

import fcntl
import socket
import threading
import time


class Unavailable(BaseHTTPRequestHandler):
    """Answers 503 to every GET, and counts them."""

    def do_GET(self):  # noqa: N802 - http.server's name
        self.server.requests += 1
        body = b'{"error": {"message": "maintenance"}}'
        self.send_response(503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(server) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def test_a_silent_portal_times_out_after_the_retries(tmp_path):
    listener = socket.create_server(("127.0.0.1", 0), backlog=8)
    port = listener.getsockname()[1]
    try:
        began = time.monotonic()
        done = traite_sync(
            f"http://127.0.0.1:{port}/traite",
            tmp_path / "m",
            "--timeout",
            "1",
            "--retries",
            "1",
        )
        elapsed = time.monotonic() - began
        accepted = 0
        listener.settimeout(0.1)
        while True:
            try:
                listener.accept()[0].close()
                accepted += 1
            except TimeoutError:
                break
    finally:
        listener.close()
    assert done.returncode == Exit.UNREACHABLE, done.stderr
    assert done.stderr.startswith("Erreur : le portail ne répond pas")
    assert accepted == 2  # the request and one retry
    assert 2 <= elapsed < 30
    assert snapshot(tmp_path / "m") == {}


def test_503_is_retried_then_reported(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Unavailable)
    server.requests = 0
    serve(server)
    try:
        done = traite_sync(
            f"http://127.0.0.1:{server.server_port}/traite",
            tmp_path / "m",
            "--retries",
            "2",
        )
    finally:
        server.shutdown()
        server.server_close()
    assert server.requests == 3
    assert done.returncode == Exit.PORTAL, done.stderr
    assert "HTTP 503 : maintenance" in done.stderr


def test_nobody_listening(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = traite_sync(f"http://127.0.0.1:{port}/traite", tmp_path / "m")
    assert done.returncode == Exit.UNREACHABLE, done.stderr
    assert "connexion refusée" in done.stderr


def test_a_directory_that_is_not_a_mirror_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("à garder")
    done = traite_sync("http://127.0.0.1:9/traite", tmp_path)
    assert done.returncode == Exit.USAGE, done.stderr
    assert "n'est pas vide et n'est pas un miroir traite-sync" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_one_run_at_a_time_per_directory(tmp_path):
    (tmp_path / STATE_DIR).mkdir()
    with open(tmp_path / STATE_DIR / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a running traite-sync holds it
        done = traite_sync("http://127.0.0.1:9/traite", tmp_path)
    assert done.returncode == Exit.LOCAL, done.stderr
    assert "un autre traite-sync travaille déjà" in done.stderr
