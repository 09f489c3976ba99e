"""The delivery worker: outside any request, with its own ZODB connection.

Each step of a subscription is its own transaction: plan the next delivery
and count the attempt (committed *before* the POST, so a crash during it is
a failed try, retried after its backoff), POST, then record the outcome and
move the cursor. A conflict aborts the step; the next tick does it again.
Delivery is therefore at least once: a receiver may get a delivery twice
(same ``X-Traite-Delivery``) and must dedupe on it.

``WorkerThread`` runs it in the WSGI process (``wsgi.py``); the console
script ``traite-webhooks`` in a process of its own (ZEO, RelStorage).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.users import system
from functools import partial
from Products.CMFPlone.interfaces import IPloneSiteRoot
from Testing.makerequest import makerequest
from traite_portal import _
from traite_portal.background import run_passes
from traite_portal.changelog.dates import release_due
from traite_portal.changelog.storage import get_changelog
from traite_portal.security.limits import limit
from traite_portal.webhooks import delivery as steps
from traite_portal.webhooks.hosts import HostPolicy
from traite_portal.webhooks.payload import delivery_body
from traite_portal.webhooks.payload import delivery_items
from traite_portal.webhooks.settings import IWebhookSettings
from traite_portal.webhooks.settings import webhook_settings
from traite_portal.webhooks.signing import signed_headers
from traite_portal.webhooks.store import get_store
from traite_portal.webhooks.store import get_subscription
from traite_portal.webhooks.transport import Outcome
from traite_portal.webhooks.transport import post
from types import SimpleNamespace
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest

import logging
import threading
import time
import transaction


logger = logging.getLogger("traite_portal.webhooks")
# Deliveries one subscription may make in one tick (others get their turn).
STEPS_PER_TICK = 20


class Worker:
    """Deliver what is due on the Plone sites of a database."""

    def __init__(self, db, site_ids: list[str] | None = None) -> None:
        self.db = db
        self.site_ids = site_ids

    def tick(self) -> int:
        """One pass over every subscription; the number of POSTs made."""
        connection = self.db.open()
        try:
            app = makerequest(connection.root()["Application"])
            setRequest(app.REQUEST)
            newSecurityManager(None, system)
            return sum(self.tick_site(site) for site in self.sites(app))
        finally:
            transaction.abort()
            setSite(None)
            noSecurityManager()
            clearRequest()
            connection.close()

    def sites(self, app) -> list:
        ids = self.site_ids or app.objectIds()
        return [app[i] for i in ids if i in app and IPloneSiteRoot.providedBy(app[i])]

    def tick_site(self, site) -> int:
        setSite(site)
        log = get_changelog(site)
        store = get_store(site)
        if log is None or store is None:
            return 0
        if _commit(lambda: release_due(log)) is None:
            return 0
        settings = _snapshot(webhook_settings())
        return sum(
            self.serve(site, subscription_id, settings)
            for subscription_id in list(store.subscriptions.keys())
        )

    def serve(self, site, subscription_id: str, settings) -> int:
        """The due steps of one subscription, each committed; POSTs made."""
        posts = 0
        prepare = partial(self.prepare, site, subscription_id, settings)
        for _step in range(STEPS_PER_TICK):
            attempt = _commit(prepare)
            if attempt is None:
                return posts
            if attempt is not True:  # True: a delivery closed without a POST
                self.send(site, subscription_id, settings, *attempt)
                posts += 1
        return posts

    def send(self, site, subscription_id, settings, number, url, body, headers):
        """POST one attempt, then record its outcome."""
        policy = HostPolicy(settings.allowed_hosts)
        cap = limit("webhook_response").value
        try:
            outcome = post(url, body, headers, policy, settings.timeout_seconds, cap)
        except Exception:  # a bug here must not stall the webhook: back off
            logger.exception("webhook %s, delivery %s", subscription_id, number)
            outcome = Outcome(False, None, steps.french(INTERNAL_ERROR))
        logger.info(
            "webhook %s, delivery %s: %s",
            subscription_id, number, outcome.status or outcome.error,
        )  # fmt: skip
        record = partial(self.record, site, subscription_id, number, outcome, settings)
        # The POST was made: insist on recording it (else it is sent again).
        for _retry in range(3):
            if _commit(record) is not None:
                return

    def prepare(self, site, subscription_id: str, settings):
        """The next POST to make (counted), True if a step closed a delivery
        without one, None when nothing is due."""
        subscription = get_subscription(site, subscription_id)
        if subscription is None or not subscription.active:
            return None
        viewer = steps.owner_viewer(site, subscription)
        if viewer is None:
            return None
        log = get_changelog(site)
        now = time.time()
        delivery = steps.due_delivery(subscription, now)
        if delivery is None and subscription.current is None:
            delivery = steps.plan_delivery(
                site, log, subscription, viewer, settings, now
            )
        if delivery is None:
            return None
        if delivery.attempts >= settings.max_attempts:
            steps.give_up(site, subscription, delivery, INTERRUPTED)
            return True
        if delivery.since < log.pruned_upto:
            steps.give_up(site, subscription, delivery, steps.TOO_OLD)
            return True
        items = delivery_items(log, delivery, viewer, subscription)
        if not items:
            steps.give_up(site, subscription, delivery, NOTHING_LEFT)
            if not delivery.attempts and not delivery.resends:
                del subscription.deliveries[delivery.number]  # never sent: no trace
            return True
        body, summary = delivery_body(log, delivery, subscription, items)
        steps.start_attempt(delivery, settings, now, summary, len(items))
        headers = signed_headers(
            subscription.secret, int(now), body, delivery.id, subscription.id
        )
        return delivery.number, subscription.url, body, headers

    def record(self, site, subscription_id, number, outcome, settings) -> bool:
        subscription = get_subscription(site, subscription_id)
        delivery = subscription and subscription.delivery(number)
        if delivery is not None and delivery.open:
            steps.record_outcome(site, subscription, delivery, outcome, settings)
        return True


def _snapshot(settings) -> SimpleNamespace:
    """The settings' values, read once per tick."""
    return SimpleNamespace(
        **{name: getattr(settings, name) for name in IWebhookSettings}
    )


def _commit(step):
    """Run ``step`` and commit; its result, or None after a conflict."""
    try:
        result = step()
        transaction.commit()
        return result
    except ConflictError:
        transaction.abort()
        return None
    except Exception:
        transaction.abort()
        raise


class WorkerThread(threading.Thread):
    """The worker ticking every ``interval`` seconds until ``stop()``."""

    def __init__(self, db, interval: float = 5.0, site_ids=None) -> None:
        super().__init__(name="traite-webhooks", daemon=True)
        self.worker = Worker(db, site_ids)
        self.interval = interval
        self.stopping = threading.Event()

    def run(self) -> None:
        run_passes(
            self.worker.db,
            self.stopping,
            self.worker.tick,
            lambda: self.interval,
            lambda: logger.exception("webhooks: tick failed"),
        )

    def stop(self, timeout: float = 60) -> None:
        self.stopping.set()
        self.join(timeout)


INTERRUPTED = _(
    "webhook_error_interrupted",
    default="Abandonné : le dernier essai a été interrompu (arrêt du service).",
)
NOTHING_LEFT = _(
    "webhook_error_nothing_left",
    default="Plus rien à envoyer : le propriétaire ne voit plus ces modifications, "
    "ou le filtre de l'abonnement a changé.",
)
INTERNAL_ERROR = _(
    "webhook_error_internal",
    default="Erreur interne du portail pendant l'envoi (voir le journal du serveur).",
)
