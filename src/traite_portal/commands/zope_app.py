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
    # The search indexer's thread belongs to the WSGI server, not to commands.
    os.environ["TRAITE_SEARCH_WORKER"] = "off"
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


# A command given a site the instance does not have stops with this status.
NO_SITE = 2


def open_site(app, site_id: str):
    """The site ``site_id`` of the instance, made the current site; a command
    asked for a site the instance lacks stops (status ``NO_SITE``) and says so."""
    site = app.get(site_id)
    if site is None:
        print(
            f"Aucun site « {site_id} » dans cette instance "
            "(make site le crée ; -s choisit un autre site).",
            file=sys.stderr,
        )
        raise SystemExit(NO_SITE)
    setSite(site)
    return site


@contextmanager
def site_transaction(app, site_id: str, note: str):
    """Run a block inside a site in one transaction: commit, or abort on error."""
    site = open_site(app, site_id)
    try:
        yield site
    except BaseException:
        transaction.abort()
        raise
    else:
        transaction.get().note(note)
        transaction.commit()
