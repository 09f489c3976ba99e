"""``traite-akn-export``: write an item of a site as an Akoma Ntoso 3.0 file.

    traite-akn-export -c var/instance/etc/zope.conf plan-action-2010 -o plan.xml

The administrator's export holds everything (drafts included); with
``--anonymous`` it holds what a visitor sees, as ``GET <item>/@akn`` does.
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
    parser.add_argument("path", help="chemin de l'élément dans le site")
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
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SpecialUsers import nobody
    from traite_portal.akn.export import item_to_akn
    from traite_portal.commands.zope_app import open_app
    from zope.component.hooks import setSite

    app = open_app(args.zope_conf)
    site = app.get(args.site)
    if site is None:
        print(f"Erreur : aucun site « {args.site} ».", file=sys.stderr)
        return 2
    setSite(site)
    item = site.unrestrictedTraverse(args.path, None)
    if item is None or not hasattr(item, "portal_type"):
        print(f"Erreur : aucun élément « {args.path} ».", file=sys.stderr)
        return 2
    if args.anonymous:
        newSecurityManager(None, nobody)
    data = item_to_akn(item)
    if args.output:
        args.output.write_bytes(data)
        print(f"{args.output} : {len(data)} octets.")
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
