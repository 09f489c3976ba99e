"""``traite-import-site``: a new site from an export (docs/migration.md).

    traite-import-site -c var/instance/etc/zope.conf var/exports/traite-2026-11-30

The whole export is checked first (manifest, checksums, JSON); the site is
then created and filled in one transaction: a corrupt or truncated export,
or an item that cannot be imported, leaves the instance as it was.
"""

from pathlib import Path
from traite_portal.commands.zope_app import add_instance_arguments

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-import-site",
        description="Crée un site neuf à partir d'un export de traite-export.",
    )
    add_instance_arguments(parser)
    parser.add_argument("source", type=Path, help="dossier de l'export")
    parser.add_argument(
        "--resync-clients",
        action="store_true",
        help="restauration d'une sauvegarde ancienne : les clients du flux "
        "@changes se resynchronisent depuis le début",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="sans barre de progression"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from tqdm import tqdm
    from traite_portal.commands.zope_app import open_app
    from traite_portal.exportimport.errors import ExportFormatError
    from traite_portal.exportimport.errors import ImportFailure
    from traite_portal.exportimport.site import import_site
    from traite_portal.exportimport.site import read_export
    from traite_portal.exportimport.site import total_work

    import transaction

    app = open_app(args.zope_conf)
    try:
        export = read_export(args.source)
        with tqdm(
            total=total_work(export[0]), unit="élément", disable=args.no_progress
        ) as bar:
            report = import_site(
                app,
                args.site,
                args.source,
                app.REQUEST,
                progress=bar,
                resync_clients=args.resync_clients,
                export=export,
            )
        transaction.get().note(f"traite-import-site {args.source.name}")
        transaction.commit()
    except (ExportFormatError, ImportFailure) as error:
        transaction.abort()
        print(f"Erreur : {error} — rien n'a été importé.", file=sys.stderr)
        return 2
    except BaseException:
        transaction.abort()
        raise
    for note in report.notes:
        print(f"Remarque : {note}")
    print(f"Site « {args.site} » importé : {report.summary_line()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
