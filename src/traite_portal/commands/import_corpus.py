"""``traite-import``: parse the 2010 plan and import it into a site.

    traite-import --dry-run [FICHIER]            # parse summary, no Zope needed
    traite-import -c var/instance/etc/zope.conf   # import into the site « traite »

The import runs in one transaction: a bad file, or any error, writes nothing.
"""

from pathlib import Path
from traite_portal.commands.zope_app import add_instance_arguments
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.loader import default_corpus_path

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-import",
        description="Importe le plan d'action de 2010 et les propositions du "
        "Collectif dans le portail (mise à jour sans doublon).",
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        default=default_corpus_path(),
        help="fichier texte source (par défaut : data/…)",
    )
    add_instance_arguments(parser)
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="analyse le fichier et affiche le résumé sans rien écrire",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="pas de barre de progression"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from traite_portal.corpus.parser import parse_file

    try:
        corpus = parse_file(args.file)
    except (CorpusFormatError, OSError) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 2
    if args.dry_run:
        print(corpus.summary())
        print("Analyse seule (--dry-run) : rien n'a été écrit.")
        return 0
    return _import(args, corpus)


def _import(args, corpus) -> int:
    from tqdm import tqdm
    from traite_portal.commands.zope_app import open_app
    from traite_portal.commands.zope_app import site_transaction
    from traite_portal.corpus.citations import load_legal_texts
    from traite_portal.corpus.loader import load_corpus

    app = open_app(args.zope_conf)
    catalogue = load_legal_texts()
    total = len(corpus.measures) + len(catalogue)
    try:
        with site_transaction(
            app, args.site, f"traite-import {args.file.name}"
        ) as site:
            with tqdm(
                total=total, desc="Import", unit="élément", disable=args.no_progress
            ) as bar:
                report = load_corpus(site, corpus, progress=bar, catalogue=catalogue)
    except CorpusFormatError as error:
        print(f"Erreur : {error} Rien n'a été écrit.", file=sys.stderr)
        return 2
    print(f"Import terminé : {report.summary_line()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
