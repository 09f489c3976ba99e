"""Never lost across a restart: what is owed lives in the ZODB (the
subscription's cursor and its delivery log), not in the worker. A worker is
stopped (or dies in the middle of a POST); a fresh one, with nothing but the
database, sends what was owed, under the same delivery id.
"""

from plone import api
from sync_http import session_for
from traite_portal.webhooks.worker import WorkerThread
from webhooks_helpers import configure
from webhooks_helpers import deliveries
from webhooks_helpers import register
from webhooks_helpers import settled
from webhooks_helpers import wait_until
from webhooks_receiver import hang
from webhooks_receiver import status

import contextlib
import threading
import transaction


def create_documents(portal, *item_ids: str) -> None:
    """Each document in its own transaction: one log entry each."""
    for item_id in item_ids:
        with api.env.adopt_roles(["Manager"]):
            api.content.create(portal, "Document", id=item_id, title=item_id)
        transaction.commit()


@contextlib.contextmanager
def running_worker(portal):
    """A worker with nothing but the database, ticking every 0.1 s."""
    thread = WorkerThread(portal._p_jar.db(), interval=0.1)
    thread.start()
    try:
        yield thread
    finally:
        thread.stop()


def delivery_log(hook: dict) -> list[dict]:
    """The delivery log as its owner reads it (newest first)."""
    answer = session_for("carole").get(f"{hook['@id']}/deliveries", timeout=60)
    assert answer.status_code == 200, answer.text
    transaction.abort()
    return answer.json()["items"]


def test_changes_made_while_no_worker_runs(webhooks_site):
    """The server was down for deliveries: the next worker sends them all."""
    portal, receiver = webhooks_site.portal, webhooks_site.receiver
    hook = register("carole", webhooks_site.url, url=receiver.url)
    create_documents(portal, "un", "deux", "trois")
    assert not settled(portal, hook["id"])  # owed, waiting in the log
    with running_worker(portal):
        wait_until(lambda: settled(portal, hook["id"]))
    paths = [item["path"] for r in receiver.received for item in r.json["items"]]
    assert paths == ["/un", "/deux", "/trois"]
    assert [d["status"] for d in delivery_log(hook)] == ["delivered"] * len(
        receiver.received
    )


def test_retry_planned_before_a_restart(webhooks_site):
    """A failed attempt, the worker stopped: a fresh one retries the same
    delivery (same id, same changes) and the log says so."""
    portal, receiver = webhooks_site.portal, webhooks_site.receiver
    # Slow retries: the first worker is stopped before it could retry.
    allowed = [f"127.0.0.1:{receiver.port}"]
    configure(allowed, backoff_seconds=4.0, backoff_max_seconds=4.0)
    receiver.answer(status(503))
    hook = register("carole", webhooks_site.url, url=receiver.url)
    with running_worker(portal):
        create_documents(portal, "doc")
        (first,) = receiver.wait_for(1)
        wait_until(lambda: deliveries(portal, hook["id"])[0].http_status == 503)
    (entry,) = delivery_log(hook)
    assert (entry["status"], entry["status_title"]) == (
        "retrying",
        "nouvel essai prévu",
    )
    assert (entry["attempts"], entry["http_status"]) == (1, 503)
    assert entry["error"] == "Le destinataire a répondu HTTP 503."
    assert entry["next_try"] is not None
    assert len(receiver.received) == 1  # nobody sends while no worker runs
    with running_worker(portal):
        first_again, second = receiver.wait_for(2)
        wait_until(lambda: settled(portal, hook["id"]))
    assert second.delivery == first.delivery == entry["id"]
    assert second.json["items"] == first.json["items"]
    (entry,) = delivery_log(hook)
    assert (entry["status"], entry["attempts"], entry["http_status"]) == (
        "delivered",
        2,
        200,
    )
    assert entry["error"] is None


@contextlib.contextmanager
def dying_worker(webhooks_site, **settings):
    """A worker whose first POST (of a document ``doc``) hangs longer than
    the test: it never ticks again. Yields the subscription, that first POST
    and the worker; at the end the POST is released and the worker joined."""
    portal, receiver = webhooks_site.portal, webhooks_site.receiver
    configure([f"127.0.0.1:{receiver.port}"], timeout_seconds=120.0, **settings)
    release = threading.Event()
    receiver.answer(hang(release))
    hook = register("carole", webhooks_site.url, url=receiver.url)
    dead = WorkerThread(portal._p_jar.db(), interval=0.1)
    dead.start()
    try:
        create_documents(portal, "doc")
        (first,) = receiver.wait_for(1)
        dead.stopping.set()  # it never ticks again; its POST hangs
        yield hook, first, dead
    finally:
        release.set()
        dead.join(60)


def test_worker_dies_during_the_post(webhooks_site):
    """The attempt is committed before the POST: a worker that never comes
    back from it leaves a try to repeat, which a fresh worker repeats."""
    portal, receiver = webhooks_site.portal, webhooks_site.receiver
    with dying_worker(webhooks_site) as (hook, first, dead):
        (entry,) = delivery_log(hook)
        assert (entry["status"], entry["attempts"]) == ("retrying", 1)
        with running_worker(portal):
            _first, second = receiver.wait_for(2)
            wait_until(lambda: settled(portal, hook["id"]))
    assert not dead.is_alive()
    assert second.delivery == first.delivery
    assert second.json["items"] == first.json["items"]
    # The dead worker's late answer changes nothing: the delivery is closed.
    (delivery,) = deliveries(portal, hook["id"])
    assert (delivery.status, delivery.attempts) == ("delivered", 2)
    assert len(receiver.received) == 2


def test_last_attempt_interrupted(webhooks_site):
    """A worker dies during the last attempt allowed: the next one does not
    repeat it but gives the delivery up (« en échec », and why), sends the
    changes after it, and « Renvoyer » sends it again under its id."""
    portal, receiver = webhooks_site.portal, webhooks_site.receiver
    with dying_worker(webhooks_site, max_attempts=1) as (hook, first, _dead):
        create_documents(portal, "suivant")
        with running_worker(portal):
            _first, second = receiver.wait_for(2)
            wait_until(lambda: settled(portal, hook["id"]))
    interrupted, after = delivery_log(hook)[::-1]
    assert (interrupted["id"], interrupted["status"]) == (first.delivery, "failed")
    assert interrupted["attempts"] == 1
    assert interrupted["error"] == (
        "Abandonné : le dernier essai a été interrompu (arrêt du service)."
    )
    assert (second.delivery, after["status"]) == (after["id"], "delivered")
    assert [i["path"] for i in second.json["items"]] == ["/suivant"]
    url = f"{hook['@id']}/deliveries/{first.delivery}/resend"
    assert session_for("carole").post(url, timeout=60).status_code == 202
    with running_worker(portal):
        again = receiver.wait_for(3)[-1]
        wait_until(lambda: deliveries(portal, hook["id"])[0].status == "delivered")
    assert (again.delivery, again.json["items"]) == (
        first.delivery,
        first.json["items"],
    )
