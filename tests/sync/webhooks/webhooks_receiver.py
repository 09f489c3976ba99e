"""A real HTTP receiver for webhook deliveries, in a thread of the test.

Each POST is recorded (headers, body, arrival time); the answer is the next
one scripted with ``answer()`` (default: 200). Answers are functions of the
request handler: ``status(500)``, ``redirect(url)``, ``hang(event)``…
"""

from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

import json
import threading
import time


@dataclass
class Received:
    """One delivery as the receiver got it."""

    headers: dict[str, str]
    body: bytes
    at: float  # time.monotonic() on arrival

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def delivery(self) -> str:
        return self.headers["X-Traite-Delivery"]


def status(code: int):
    def respond(handler) -> None:
        handler.send_response(code)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def redirect(location: str, code: int = 302):
    def respond(handler) -> None:
        handler.send_response(code)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def hang(release: threading.Event):
    """Never answer until ``release`` is set (a receiver that hangs)."""

    def respond(handler) -> None:
        release.wait(120)
        status(200)(handler)

    return respond


def big_body(size: int):
    """200 with a body of ``size`` bytes."""

    def respond(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(size))
        handler.end_headers()
        chunk = b"x" * 65536
        sent = 0
        try:
            while sent < size:
                handler.wfile.write(chunk[: size - sent])
                sent += len(chunk)
        except OSError:
            pass  # the worker stopped reading: what the cap is for
        handler.receiver.bytes_sent = sent

    return respond


class _Handler(BaseHTTPRequestHandler):
    receiver: "Receiver"

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        received = Received(dict(self.headers.items()), body, time.monotonic())
        respond = self.receiver.record(received)
        respond(self)

    def log_message(self, *args) -> None:
        pass


class Receiver:
    """A ThreadingHTTPServer on 127.0.0.1 (or ``host``), a random port (or
    ``port``: a receiver that comes up where a webhook already points)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        handler = type("Handler", (_Handler,), {"receiver": self})
        self.server = ThreadingHTTPServer((host, port), handler)
        self.server.daemon_threads = True
        self.received: list[Received] = []
        self.answers: list = []
        self.bytes_sent = 0
        self.lock = threading.Condition()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> "Receiver":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, *answers) -> None:
        """Answer the next deliveries with these, in order (then 200)."""
        with self.lock:
            self.answers.extend(answers)

    def record(self, received: Received):
        with self.lock:
            self.received.append(received)
            self.lock.notify_all()
            return self.answers.pop(0) if self.answers else status(200)

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        """The first ``count`` deliveries, once they have arrived."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                assert left > 0, f"{len(self.received)} deliveries, {count} expected"
                self.lock.wait(left)
            return list(self.received)
