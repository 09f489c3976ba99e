"""``traite-export``: the whole site into a folder of JSON files (docs/migration.md).

    traite-export -c var/instance/etc/zope.conf -s traite var/exports/traite-2026-11-30

Content, workflow states and histories, versions, local roles, relations,
comments, status timelines, users and groups, registry, redirects and the
change log, with a manifest of checksums written last. The server must be
stopped (FileStorage allows one process); the database is only read.
"""

from pathlib import Path
from traite_portal.commands.zope_app import add_instance_arguments

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-export",
        description="Exporte tout le site (contenus, états, versions, rôles, "
        "commentaires, utilisateurs, journal des modifications) dans un dossier.",
    )
    add_instance_arguments(parser)
    parser.add_argument("target", type=Path, help="dossier à créer (vide ou absent)")
    parser.add_argument(
        "--no-progress", action="store_true", help="sans barre de progression"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from tqdm import tqdm
    from traite_portal.commands.zope_app import open_app
    from traite_portal.commands.zope_app import open_site
    from traite_portal.exportimport.errors import ExportFormatError
    from traite_portal.exportimport.errors import ImportFailure
    from traite_portal.exportimport.site import export_site
    from traite_portal.exportimport.steps import STEPS
    from traite_portal.exportimport.typed import UnexportableValue

    import transaction

    app = open_app(args.zope_conf)
    site = open_site(app, args.site)
    try:
        with tqdm(total=len(STEPS), unit="étape", disable=args.no_progress) as bar:
            report = export_site(site, app.REQUEST, args.target, progress=bar)
    except (ExportFormatError, ImportFailure, UnexportableValue) as error:
        print(f"Erreur : {error} — aucun export écrit.", file=sys.stderr)
        return 2
    finally:
        # An export writes nothing to the database.
        transaction.abort()
    print(f"Export terminé dans {args.target} : {report.summary_line()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
