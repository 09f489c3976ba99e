"""Webhooks survive ``kill -9``, as docs/sync.md « Never lost across a
restart » says: a real instance (`make site`, `make start`), a webhook
registered over REST, a real receiver down at first, then holding a POST
while the process delivering it is killed with SIGKILL: the server (its
worker thread) in one test, the ``traite-webhooks`` process in the other.
After the restart every change owed arrives, signed, under the delivery id
of its first attempt (at least once), and the delivery log says delivered.
"""

from collections import defaultdict
from instance_commands import BIN
from instance_commands import environment
from instance_commands import Instance
from instance_commands import ROOT
from servers import free_port
from webhooks_kill_portal import change
from webhooks_kill_portal import documented_verify
from webhooks_kill_portal import Portal
from webhooks_kill_portal import SECRET
from webhooks_kill_portal import wait_for

import contextlib
import os
import pytest
import signal
import subprocess
import sys
import threading


# The webhook tests' receiver: a real HTTP server in a thread of the test.
sys.path.append(str(ROOT / "tests" / "sync" / "webhooks"))
from webhooks_receiver import hang  # noqa: E402
from webhooks_receiver import Receiver  # noqa: E402
from webhooks_receiver import status  # noqa: E402


@pytest.fixture(scope="module")
def kill_instance(tmp_path_factory):
    """An instance of its own (`make site`, `make start`), its partner
    account, and quick retries that wait for a held POST (120 s)."""
    ops = Instance(tmp_path_factory.mktemp("webhooks-kill"))
    try:
        made = ops.make("site")
        assert made.returncode == 0, made.stdout + made.stderr
        portal = Portal(f"{ops.serve()}/traite", ops.admin_password())
        portal.add_partner()
        portal.configure(
            backoff_seconds=1.0, backoff_max_seconds=2.0, max_attempts=20,
            timeout_seconds=120.0, batch_size=1,
        )  # fmt: skip
        yield ops, portal
    finally:
        ops.server.stop()


@pytest.fixture
def receiver_port():
    """A port for the receiver, the event that frees a held POST, and the
    receivers started there (stopped at the end)."""
    port, release, started = free_port(), threading.Event(), []

    def start(*answers) -> Receiver:
        receiver = Receiver(port=port)
        receiver.answer(*answers)
        started.append(receiver.start())
        return receiver

    yield port, release, start
    release.set()
    for receiver in started:
        receiver.stop()


@contextlib.contextmanager
def webhooks_process(zope_conf, log_path):
    """``traite-webhooks`` running, in a process group of its own."""
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [BIN / "traite-webhooks", "-c", zope_conf, "--interval", "0.5"],
            stdout=log, stderr=subprocess.STDOUT, env=environment(),
            start_new_session=True,
        )  # fmt: skip
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(60)


def failed(portal: Portal, hook: dict) -> list[dict] | None:
    """The delivery log once its first delivery recorded a failed attempt."""
    log = portal.delivery_log(hook)
    return log if log and log[0]["error"] else None


def delivered(portal: Portal, hook: dict, owed: list) -> list[dict] | None:
    """The delivery log once it covers every change owed, all delivered."""
    log = portal.delivery_log(hook)
    done = all(entry["status"] == "delivered" for entry in log)
    covered = sum(entry["changes_total"] for entry in log) == len(owed)
    return log if log and done and covered else None


def check_arrivals(receiver: Receiver, log: list[dict], owed: list) -> dict:
    """Every change arrived, signed, once per delivery id (at least once);
    the receipts of each id, by id."""
    verify = documented_verify()
    by_id = defaultdict(list)
    for received in receiver.received:
        assert verify(SECRET, received.body, received.headers["X-Traite-Signature"])
        by_id[received.delivery].append(received.json)
    for bodies in by_id.values():  # a repeat is the same delivery, unchanged
        assert {(b["since"], b["cursor"]) for b in bodies} == {
            (bodies[0]["since"], bodies[0]["cursor"])
        }
        assert all(b["items"] == bodies[0]["items"] for b in bodies)
    # Deduped on X-Traite-Delivery, the receiver has the feed: no loss, in order.
    assert [change(i) for b in by_id.values() for i in b[0]["items"]] == owed
    assert list(by_id) == [entry["id"] for entry in log]
    assert all((e["http_status"], e["error"]) == (200, None) for e in log)
    return by_id


def three_texts_owed(portal, port: int, title: str) -> tuple:
    """A folder shared with the partner, her webhook on it to ``port``, three
    documents added: the webhook and the changes it owes (from the feed)."""
    folder = portal.add("", "Folder", title)
    portal.share(folder)
    hook, since = portal.register(f"http://127.0.0.1:{port}/hook", folder)
    for number in range(3):
        portal.add(folder, "Document", f"Texte {number}")
    return hook, portal.owed(folder, since)


def test_server_killed_during_a_post(kill_instance, receiver_port):
    """The worker thread of `make start` dies with its server mid-POST; the
    restarted server sends that delivery again, then the rest."""
    ops, portal = kill_instance
    port, release, start_receiver = receiver_port
    portal.configure(allowed_hosts=[f"127.0.0.1:{port}"])
    hook, owed = three_texts_owed(portal, port, "Coupure du serveur")
    assert len(owed) >= 3
    # Nobody listens yet: failed attempts, in the log.
    (first,) = wait_for(lambda: failed(portal, hook))
    assert (first["status"], first["http_status"]) == ("retrying", None)
    assert first["error"].startswith("Connexion impossible")
    receiver = start_receiver(hang(release))
    (held,) = receiver.wait_for(1, timeout=120)
    # The attempt under way was committed before its POST.
    (in_flight, *later) = portal.delivery_log(hook)
    assert (in_flight["id"], in_flight["status"]) == (held.delivery, "retrying")
    assert in_flight["attempts"] > first["attempts"]
    assert not later  # one delivery at a time, in order
    assert ops.server.stop(signal.SIGKILL) == -signal.SIGKILL
    ops.serve()
    log = wait_for(lambda: delivered(portal, hook, owed), timeout=180)
    by_id = check_arrivals(receiver, log, owed)
    assert len(by_id[held.delivery]) == 2  # held, then sent again
    assert log[0]["attempts"] > 2  # the failed tries, the held one, the last
    assert all(len(by_id[entry["id"]]) == 1 for entry in log[1:])


def test_worker_process_killed_during_a_post(kill_instance, receiver_port, tmp_path):
    """Retries planned by the server, then ``traite-webhooks`` (the server
    stopped) killed mid-POST: the next one sends it again, then the rest."""
    ops, portal = kill_instance
    port, release, start_receiver = receiver_port
    portal.configure(allowed_hosts=[f"127.0.0.1:{port}"])
    receiver = start_receiver(*[status(503)] * 100)  # down behind its proxy
    hook, owed = three_texts_owed(portal, port, "Coupure du processus d'envoi")
    (first,) = wait_for(lambda: failed(portal, hook))
    assert (first["status"], first["http_status"]) == ("retrying", 503)
    ops.server.stop()  # FileStorage: one process at a time
    with receiver.lock:
        retried = len(receiver.received)
        receiver.answers[:] = [hang(release)]
    worker_log = tmp_path / "traite-webhooks.log"
    with webhooks_process(ops.zope_conf, worker_log) as killed:
        held = receiver.wait_for(retried + 1, timeout=120)[-1]
        os.killpg(killed.pid, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    with webhooks_process(ops.zope_conf, worker_log) as worker:
        wait_for(lambda: owed_arrived(receiver, owed), timeout=120)
        os.killpg(worker.pid, signal.SIGTERM)  # documented: stops cleanly
        assert worker.wait(60) == 0, worker_log.read_text()
    ops.serve()
    log = wait_for(lambda: delivered(portal, hook, owed))
    by_id = check_arrivals(receiver, log, owed)
    assert len(by_id[held.delivery]) == retried + 2  # 503s, held, then 200
    # Every attempt reached the receiver: the log counts each one.
    assert [entry["attempts"] for entry in log] == [len(by_id[e["id"]]) for e in log]


def owed_arrived(receiver: Receiver, owed: list) -> bool:
    """Every change owed answered 200 (the last delivery's POST returned)."""
    items = {change(i) for r in receiver.received for i in r.json["items"]}
    return items >= set(owed) and not receiver.answers
