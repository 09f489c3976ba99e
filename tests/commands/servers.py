"""Start a real server process for a test and wait until it answers.

Servers run in their own process group, as in a terminal: stopping one sends
the signal to the whole group, so a server started through ``make`` stops
too, and Ctrl-C (SIGINT) is what a user would press.
"""

from contextlib import contextmanager

import os
import requests
import signal
import socket
import subprocess
import tempfile
import time


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Server:
    """A server command run until ``stop()``; ``start()`` waits for ``url``."""

    def __init__(self, args: list[str], cwd, url: str, env=None):
        self.args, self.cwd, self.url, self.env = args, cwd, url, env
        self.process: subprocess.Popen | None = None
        self.output = ""  # what the stopped processes printed
        self._log = None

    def start(self, timeout: float = 300) -> str:
        """Start unless running; the URL once it answers an HTTP request."""
        if self.process is not None:
            return self.url
        # A file, not a pipe: a pipe nobody reads would block a chatty server.
        self._log = tempfile.TemporaryFile("w+")
        self.process = subprocess.Popen(
            self.args,
            cwd=self.cwd,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            # As in a terminal: Ctrl-C stops it, even if the tests run in the
            # background, where the shell hands SIGINT down as ignored.
            preexec_fn=_default_sigint,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"{self.args} ended:\n{self.output[-3000:]}")
            try:
                requests.get(self.url, timeout=10)
                return self.url
            except requests.RequestException:  # not listening yet, or starting
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{self.url} never answered:\n{self.output[-3000:]}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int | None:
        """Signal the process group and wait; the exit status (None if none)."""
        process, self.process = self.process, None
        if process is None:
            return None
        try:  # the group: make's children outlive make otherwise
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass  # the whole group had ended
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        self._log.seek(0)
        self.output += self._log.read()
        self._log.close()
        return process.returncode


@contextmanager
def serving(args: list[str], cwd, url: str, timeout: float = 180):
    """Run ``args`` until the block ends, once ``url`` answers an HTTP request."""
    server = Server(args, cwd, url)
    server.start(timeout)
    try:
        yield url
    finally:
        server.stop()
