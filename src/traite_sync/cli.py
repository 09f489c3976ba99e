"""``traite-sync URL RÉPERTOIRE [options]``: the command line (French).

Errors are printed as « Erreur : … » on stderr with the exit status of
``traite_sync.exits``; Ctrl-C (or SIGTERM) stops cleanly with 130, and the
next run resumes.
"""

from pathlib import Path
from traite_sync.auth import PASSWORD_ENV
from traite_sync.auth import TOKEN_ENV
from traite_sync.exits import Exit
from traite_sync.exits import MEANINGS
from traite_sync.exits import SyncError
from traite_sync.run import run

import argparse
import os
import signal
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-sync",
        description="Copie le portail (ou un dossier, ou certains types) dans un "
        "répertoire local : un fichier JSON et un document Akoma Ntoso par "
        "élément, tenus à jour par le flux @changes.",
        epilog="Codes de sortie : "
        + " ; ".join(f"{int(code)} {text}" for code, text in MEANINGS.items()),
    )
    parser.add_argument(
        "url", help="adresse du site, par exemple http://localhost:8080/traite"
    )
    parser.add_argument("directory", type=Path, help="répertoire du miroir")
    parser.add_argument(
        "--folder",
        help="ne copier que ce dossier (chemin dans le site : /plan-action-2010)",
    )
    parser.add_argument(
        "--type",
        action="append",
        default=[],
        dest="types",
        metavar="TYPE",
        help="ne copier que ce type de contenu (répétable)",
    )
    parser.add_argument(
        "--user",
        help=f"identifiant (mot de passe : {PASSWORD_ENV}, --password-file ou invite)",
    )
    parser.add_argument("--password-file", help="fichier contenant le mot de passe")
    parser.add_argument(
        "--jwt",
        action="store_true",
        help="échanger le mot de passe contre un jeton JWT (@login), envoyé ensuite",
    )
    parser.add_argument(
        "--token", help=f"jeton JWT obtenu par @login (ou variable {TOKEN_ENV})"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="tout resynchroniser (garde les fichiers inchangés), options modifiables",
    )
    parser.add_argument(
        "--workers", type=int, default=4, help="requêtes en parallèle (défaut : 4)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="délai d'attente d'une réponse, en secondes (défaut : 60)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=3,
        help="nouvelles tentatives après une erreur réseau ou 502/503/504 (défaut : 3)",
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="ni barre de progression ni résumé : seulement les erreurs",
    )
    return parser


def _terminate(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None, environ=None) -> int:
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        line = run(args, os.environ if environ is None else environ)
    except SyncError as error:
        print(f"Erreur : {error.message}.", file=sys.stderr)
        return int(error.status)
    except KeyboardInterrupt:
        print(f"Interrompu : {MEANINGS[Exit.INTERRUPTED]}.", file=sys.stderr)
        return int(Exit.INTERRUPTED)
    if not args.quiet:
        print(line)
    return int(Exit.OK)
