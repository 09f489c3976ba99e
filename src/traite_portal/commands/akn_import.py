"""``traite-akn-import``: import Akoma Ntoso 3.0 files into a site.

    traite-akn-import --check FICHIER…                       # validate only
    traite-akn-import -c var/instance/etc/zope.conf FICHIER…  # import

Every file is checked (safe parsing, limits, OASIS schema) before anything
is written; all the files are imported in one transaction, so they may refer
to each other in any order and a bad one writes nothing (exit status 2).
"""

from pathlib import Path
from traite_portal.commands.zope_app import add_instance_arguments

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-akn-import",
        description="Importe des documents Akoma Ntoso 3.0 (plan, bibliothèques, "
        "textes, propositions) dans le portail, en une transaction.",
    )
    parser.add_argument("files", nargs="+", type=Path, help="fichiers XML")
    add_instance_arguments(parser)
    parser.add_argument(
        "--into",
        default="",
        help="chemin du conteneur dans le site (par défaut : la racine du site)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="vérifie les fichiers (XML sûr, limites, schéma) sans rien écrire",
    )
    return parser


def _read(paths: list[Path]) -> list[bytes]:
    from traite_portal.akn.limits import MAX_BYTES

    documents = []
    for path in paths:
        with path.open("rb") as stream:  # never more than the limit in memory
            documents.append(stream.read(MAX_BYTES + 1))
    return documents


def _check(documents: list[bytes], paths: list[Path]) -> None:
    from traite_portal.akn.safety import parse_untrusted
    from traite_portal.akn.schema import validate

    for data, path in zip(documents, paths, strict=True):
        validate(parse_untrusted(data))
        print(f"{path} : document Akoma Ntoso 3.0 valide.")


def _import(args, documents: list[bytes]) -> str:
    from traite_portal.akn.importer import import_documents
    from traite_portal.commands.zope_app import open_app
    from traite_portal.commands.zope_app import site_transaction

    app = open_app(args.zope_conf)
    names = " ".join(path.name for path in args.files)
    with site_transaction(app, args.site, f"traite-akn-import {names}") as site:
        container = site.unrestrictedTraverse(args.into) if args.into else site
        return import_documents(container, documents).summary_line()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from traite_portal.akn.errors import AknError

    try:
        documents = _read(args.files)
        if args.check:
            _check(documents, args.files)
            return 0
        summary = _import(args, documents)
    except (AknError, OSError, KeyError) as error:
        print(f"Erreur : {error} Rien n'a été écrit.", file=sys.stderr)
        return 2
    print(f"Import terminé : {summary}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
