"""Start a real server process for a test and wait until it answers."""

from contextlib import contextmanager

import requests
import socket
import subprocess
import time


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(args: list[str], cwd, url: str, timeout: float = 180):
    """Run ``args`` until the block ends, once ``url`` answers an HTTP request."""
    process = subprocess.Popen(
        args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                requests.get(url, timeout=10)
                break
            except requests.RequestException:  # not listening yet, or starting
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
