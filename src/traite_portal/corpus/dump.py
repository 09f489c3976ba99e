"""Print the parse summary (and with --json the whole intermediate format).

Usage: python -m traite_portal.corpus.dump data/plan-….txt [--json]
"""

from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.parser import parse_file

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status (2 for an invalid file)."""
    parser = argparse.ArgumentParser(
        prog="python -m traite_portal.corpus.dump",
        description="Analyse le fichier du plan d'action et affiche le résultat.",
    )
    parser.add_argument("path", help="fichier texte du plan (UTF-8)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="afficher tout le format intermédiaire en JSON au lieu du résumé",
    )
    args = parser.parse_args(argv)
    try:
        corpus = parse_file(args.path)
    except CorpusFormatError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        if args.json:
            json.dump(corpus.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(corpus.summary())
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
