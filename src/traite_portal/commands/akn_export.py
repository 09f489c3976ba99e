"""``traite-akn-export``: write an item of a site as an Akoma Ntoso 3.0 file.

    traite-akn-export -c var/instance/etc/zope.conf plan-action-2010 -o plan.xml
    traite-akn-export -c var/instance/etc/zope.conf --all akn/

``--all DIR`` is the bulk export: one ``<id>.akn.xml`` file per action plan
and per library at the top of the site (sub-libraries are inside their
library's collection). The administrator's export holds everything (drafts
included); with ``--anonymous`` it holds what a visitor sees, as
``GET <item>/@akn`` does.
"""

from pathlib import Path
from traite_portal.commands.zope_app import add_instance_arguments

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-akn-export",
        description="Exporte un élément du portail (le plan, une bibliothèque, un "
        "texte…) en document Akoma Ntoso 3.0.",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("path", nargs="?", help="chemin de l'élément dans le site")
    target.add_argument(
        "--all",
        type=Path,
        metavar="DOSSIER",
        help="exporte chaque plan et chaque bibliothèque du site dans ce dossier",
    )
    add_instance_arguments(parser)
    parser.add_argument(
        "-o", "--output", type=Path, help="fichier à écrire (par défaut : la sortie)"
    )
    parser.add_argument(
        "--anonymous",
        action="store_true",
        help="n'exporte que ce qu'un visiteur anonyme peut voir",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from AccessControl import SpecialUsers
    from AccessControl.SecurityManagement import newSecurityManager
    from traite_portal.akn.body import may_view
    from traite_portal.akn.export import item_to_akn
    from traite_portal.commands.zope_app import open_app
    from traite_portal.commands.zope_app import open_site

    app = open_app(args.zope_conf)
    site = open_site(app, args.site)
    if args.anonymous:
        # Set once Zope has started: read it now, not at import time.
        newSecurityManager(None, SpecialUsers.nobody)
    if args.all:
        return _export_all(site, args.all)
    item = site.unrestrictedTraverse(args.path, None)
    if item is None or not hasattr(item, "portal_type"):
        print(f"Erreur : aucun élément « {args.path} ».", file=sys.stderr)
        return 2
    if args.anonymous and not may_view(item):
        print(f"Erreur : « {args.path} » n'est pas public.", file=sys.stderr)
        return 2
    data = item_to_akn(item)
    if args.output:
        args.output.write_bytes(data)
        print(f"{args.output} : {len(data)} octets.")
    else:
        sys.stdout.buffer.write(data)
    return 0


def _export_all(site, folder: Path) -> int:
    """Write every plan and top-level library the user may view into ``folder``."""
    from traite_portal.akn.export import bulk_items
    from traite_portal.akn.export import filename
    from traite_portal.akn.export import item_to_akn

    folder.mkdir(parents=True, exist_ok=True)
    for item in bulk_items(site):
        path = folder / filename(item)
        data = item_to_akn(item)
        path.write_bytes(data)
        print(f"{path} : {len(data)} octets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
