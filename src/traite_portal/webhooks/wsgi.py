"""The worker thread of the WSGI server, as a PasteDeploy filter.

``zope.ini`` (``make start``) puts ``webhooks`` in its pipeline: PasteDeploy
builds the Zope application first (the database is open), then this filter,
which starts one worker thread and passes requests through untouched. Only
the server reads ``zope.ini``: console scripts that open ``zope.conf`` never
start a worker. With ZEO or RelStorage and several server processes, set
``worker = off`` in them and run one ``traite-webhooks`` instead.
"""

from traite_portal.webhooks.worker import WorkerThread

import logging


logger = logging.getLogger("traite_portal.webhooks")
_threads: list[WorkerThread] = []


def filter_factory(global_conf, worker: str = "thread", interval: str = "5"):
    """``[filter:webhooks] use = egg:traite_portal#webhooks``."""

    def start_worker(app):
        if worker.strip().lower() == "thread" and not _threads:
            import Zope2

            thread = WorkerThread(Zope2.DB, interval=float(interval))
            thread.start()
            _threads.append(thread)
            logger.info("webhooks: worker thread started (every %s s)", interval)
        return app

    return start_worker
