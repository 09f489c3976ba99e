"""The indexing worker: drain the outbox of every site, forever, with retries.

It runs in one of two places (docs/search.md, « Backends »):

- a thread of the WSGI server, started with it when a search server is
  configured (FileStorage allows one process: the server's own);
- the ``traite-search-worker`` command, for a ZEO or RelStorage deployment
  (then set ``TRAITE_SEARCH_WORKER=off`` for the WSGI processes).

A site without an index (or with an index of an older mapping) is reindexed
in full first. A server that fails is retried with a growing pause (up to
``MAX_PAUSE``); nothing is acknowledged until the server took it.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from Products.CMFPlone.interfaces import IPloneSiteRoot
from Testing.makerequest import makerequest
from traite_portal.background import run_passes
from traite_portal.changelog.consumers import ChangeLogMissing
from traite_portal.changelog.consumers import log_of
from traite_portal.changelog.cursors import CursorGone
from traite_portal.search.backends.server.engines import ServerError
from traite_portal.search.backends.server.engines import ServerUnavailable
from traite_portal.search.indexing.outbox import drain
from traite_portal.search.indexing.outbox import IndexAheadOfLog
from traite_portal.search.indexing.outbox import register
from traite_portal.search.indexing.reindex import full_reindex
from traite_portal.search.indexing.target import NoSearchServer
from traite_portal.search.indexing.target import target_for
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite

import logging
import os
import threading
import transaction


logger = logging.getLogger("traite_portal.search")
INTERVAL = float(os.environ.get("TRAITE_SEARCH_WORKER_INTERVAL", "1"))
MAX_PAUSE = 30.0


_announced: set = set()


def announce(target, analysis: str) -> None:
    """Say once per process how the site's index analyses French."""
    if target.alias in _announced:
        return
    _announced.add(target.alias)
    if analysis == "server":
        logger.info(
            "Index %s sur %s : analyse du français par le serveur.",
            target.alias,
            target.settings.engine,
        )
    else:
        logger.warning(
            "Index %s sur %s : le serveur n'analyse pas le français, le portail "
            "analyse le texte lui-même (mêmes réponses, extraits faits par le "
            "portail).",
            target.alias,
            target.settings.engine,
        )


def sync_site(site, progress: bool = False) -> int:
    """Bring one site's index up to date; how many log entries were applied.

    ``NoSearchServer`` when the site uses the catalog.
    """
    setSite(site)
    target = target_for(site)
    transaction.begin()
    log_id = log_of(site).log_id
    transaction.abort()
    if target.needs_rebuild(log_id):  # no index, older mapping, another log
        full_reindex(site, target, progress=progress)
    analysis = target.current_analysis()
    announce(target, analysis)
    transaction.begin()
    register(site)
    transaction.commit()
    try:
        return drain(site, target, analysis)
    except CursorGone:
        logger.warning("Journal élagué au-delà du curseur : réindexation complète.")
    except IndexAheadOfLog as error:
        logger.warning("Index en avance sur le journal (%s) : réindexation.", error)
    full_reindex(site, target, progress=progress)
    return drain(site, target, analysis)


def plone_sites(app) -> list:
    return [obj for obj in app.objectValues() if IPloneSiteRoot.providedBy(obj)]


def tick(db, site_ids=None) -> int:
    """One pass over the sites with a connection of their own."""
    connection = db.open()
    try:
        app = makerequest(connection.root()["Application"])
        newSecurityManager(None, system)
        done = 0
        for site in plone_sites(app):
            if site_ids is None or site.getId() in site_ids:
                try:
                    done += sync_site(site)
                except NoSearchServer:
                    continue  # this site searches its catalog
        return done
    finally:
        transaction.abort()
        setSite(None)
        noSecurityManager()
        connection.close()


class Worker:
    """The draining loop; ``stop()`` ends it after the current pass."""

    def __init__(self, db, site_ids=None, interval: float = INTERVAL):
        self.db = db
        self.site_ids = site_ids
        self.interval = interval
        self.stopping = threading.Event()
        self.failures = 0

    def pause(self) -> float:
        return min(MAX_PAUSE, self.interval * 2**self.failures)

    def run_once(self) -> int:
        try:
            done = tick(self.db, self.site_ids)
        except (ServerUnavailable, ServerError) as error:
            if not self.failures:
                logger.warning(
                    "Serveur de recherche indisponible (%s) : les changements "
                    "attendent dans le journal et seront envoyés à son retour.",
                    error,
                )
            self.failures += 1
            return 0
        except ConflictError:
            return 0  # a concurrent write: the next pass takes it again
        except ChangeLogMissing as error:
            logger.error("Indexation impossible : %r", error)
            self.failures += 1
            return 0
        if self.failures:
            logger.info("Serveur de recherche de retour : indexation reprise.")
        self.failures = 0
        return done

    def run(self) -> None:
        run_passes(self.db, self.stopping, self.run_once, self.pause, self.failed)

    def failed(self) -> None:
        """An unexpected error in a pass: said, and tried again later."""
        logger.exception("Indexation de la recherche : erreur inattendue.")
        self.failures += 1

    def stop(self) -> None:
        self.stopping.set()


_thread = None


def start_in_process(event) -> None:
    """``IProcessStarting`` handler: the worker thread of the WSGI server.

    Console scripts (``zope_app.open_app``) set ``TRAITE_SEARCH_WORKER=off``:
    only the server runs the thread.
    """
    global _thread
    import Zope2

    if os.environ.get("TRAITE_SEARCH_WORKER", "on").lower() in ("off", "0", "no"):
        return
    if _thread is not None:
        return
    worker = Worker(Zope2.DB)
    _thread = threading.Thread(
        target=worker.run, name="traite-search-worker", daemon=True
    )
    _thread.start()
    logger.info("Indexation de la recherche : fil d'exécution démarré.")
