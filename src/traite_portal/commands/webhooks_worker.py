"""``traite-webhooks``: deliver the webhooks, in a process of its own.

    traite-webhooks -c var/instance/etc/zope.conf            # until Ctrl-C
    traite-webhooks -c var/instance/etc/zope.conf --once     # what is due, then exit

For a database several processes share (ZEO, RelStorage), with ``worker =
off`` in the servers' ``zope.ini``. With FileStorage (one process at a time)
the server's own worker thread delivers (``make start``); this command then
runs only while the server is stopped.
"""

from traite_portal.commands.zope_app import add_instance_arguments

import argparse
import signal
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-webhooks",
        description="Envoie les webhooks du portail (nouveaux essais compris) "
        "jusqu'à l'arrêt (Ctrl-C).",
    )
    add_instance_arguments(parser)
    parser.add_argument(
        "--interval",
        type=float,
        default=5.0,
        help="secondes entre deux passages (défaut : 5)",
    )
    parser.add_argument(
        "--once",
        action="store_true",
        help="un seul passage : envoie ce qui est dû, puis s'arrête",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from traite_portal.commands.zope_app import open_app
    from traite_portal.commands.zope_app import open_site
    from traite_portal.webhooks.worker import Worker
    from traite_portal.webhooks.worker import WorkerThread

    import transaction
    import Zope2

    app = open_app(args.zope_conf)
    open_site(app, args.site)
    transaction.abort()
    app._p_jar.close()  # the worker opens its own connections
    if args.once:
        posts = Worker(Zope2.DB, [args.site]).tick()
        print(f"Webhooks : {posts} envoi(s) tenté(s).")
        return 0
    thread = WorkerThread(Zope2.DB, interval=args.interval, site_ids=[args.site])
    signal.signal(signal.SIGTERM, lambda *_args: thread.stopping.set())
    print(f"Webhooks : envoi en cours pour « {args.site} » (Ctrl-C pour arrêter).")
    thread.start()
    try:
        while thread.is_alive():
            thread.join(1)
    except KeyboardInterrupt:
        thread.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
