"""Open the Zope application of an instance for a console script."""

from contextlib import contextmanager
from pathlib import Path
from zope.component.hooks import setSite

import argparse
import os
import sys
import transaction


def add_instance_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every command that opens the instance shares: -c and -s."""
    parser.add_argument(
        "-c",
        "--zope-conf",
        type=Path,
        default=Path("var/instance/etc/zope.conf"),
        help="zope.conf de l'instance",
    )
    parser.add_argument("-s", "--site", default="traite", help="identifiant du site")


def open_app(zope_conf: Path):
    """The Zope root of the instance configured by ``zope_conf``, as system user."""
    if not zope_conf.exists():
        sys.exit(f"Configuration Zope introuvable : {zope_conf}")
    # The database, blobs and logs this process may create are the owner's
    # only, also when the script is run by hand rather than by the Makefile.
    os.umask(0o077)
    # plone.exportimport's helper boots Zope, fakes a request with the REST
    # layers and logs in the system user; reuse it rather than copy it.
    from plone.exportimport.utils.cli import get_app
    from zc.lockfile import LockError

    try:
        return get_app(str(zope_conf))
    except LockError:
        # FileStorage allows one process: most often the server is running.
        sys.exit(
            "Erreur : la base de données est utilisée par un autre processus "
            "(le serveur est-il démarré ?). Arrêtez-le, puis relancez la commande."
        )


@contextmanager
def site_transaction(app, site_id: str, note: str):
    """Run a block inside a site in one transaction: commit, or abort on error."""
    site = app.get(site_id)
    if site is None:
        sys.exit(f"Aucun site « {site_id} » dans cette instance.")
    setSite(site)
    try:
        yield site
    except BaseException:
        transaction.abort()
        raise
    else:
        transaction.get().note(note)
        transaction.commit()
