"""``traite-search-reindex``: rebuild the site's search-server index.

    traite-search-reindex -c var/instance/etc/zope.conf [-s traite] [--no-progress]

Fills a new index behind the site's alias with a progress bar, swaps the
alias in one step (searches keep using the old index meanwhile) and drops
the old index. Changes made during the fill stay in the change log and the
indexer sends them afterwards. The server must be configured
(``TRAITE_SEARCH_URL``…, README « Search server »).
"""

from traite_portal.commands.zope_app import add_instance_arguments

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-search-reindex",
        description="Reconstruit l'index du serveur de recherche sans "
        "interruption (nouvel index, bascule de l'alias).",
    )
    add_instance_arguments(parser)
    parser.add_argument(
        "--no-progress", action="store_true", help="sans barre de progression"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from traite_portal.commands.zope_app import open_app
    from traite_portal.commands.zope_app import open_site
    from traite_portal.search.backends.server.engines import ServerError
    from traite_portal.search.backends.server.engines import ServerUnavailable
    from traite_portal.search.backends.server.settings import SettingsError
    from traite_portal.search.indexing.reindex import full_reindex
    from traite_portal.search.indexing.target import NoSearchServer
    from traite_portal.search.indexing.target import target_for

    app = open_app(args.zope_conf)
    site = open_site(app, args.site)
    try:
        target = target_for(site)
        summary = full_reindex(site, target, progress=not args.no_progress)
    except NoSearchServer:
        print(
            "Erreur : aucun serveur de recherche configuré (TRAITE_SEARCH_URL) : "
            "le catalogue sert la recherche, rien à réindexer.",
            file=sys.stderr,
        )
        return 2
    except (SettingsError, ServerUnavailable, ServerError) as error:
        print(f"Erreur : serveur de recherche : {error}", file=sys.stderr)
        return 2
    print(
        f"Index {summary['index']} : {summary['count']} éléments "
        f"(analyse : {summary['analysis']}), alias {target.alias} basculé."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
