"""A receiver, the allowed hosts, a client account and a running worker."""

from traite_portal.webhooks.worker import WorkerThread
from webhooks_helpers import configure
from webhooks_helpers import create_client
from webhooks_helpers import FAST
from webhooks_helpers import WebhooksSite
from webhooks_receiver import Receiver

import pytest


@pytest.fixture
def receiver():
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def webhooks_site(sync_site, receiver) -> WebhooksSite:
    """The sync site; the receiver's address allowed; ``client`` may manage
    webhooks (role WebhookClient); fast retries."""
    configure([f"127.0.0.1:{receiver.port}"], **FAST)
    create_client("client")
    return WebhooksSite(sync_site, receiver)


@pytest.fixture
def worker(functional):
    """The delivery worker, in a thread of its own, ticking every 0.1 s."""
    thread = WorkerThread(functional["portal"]._p_jar.db(), interval=0.1)
    thread.start()
    yield thread
    thread.stop()
