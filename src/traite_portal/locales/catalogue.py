"""Build the French catalogue: every message id of the add-on, its French text.

``make i18n`` runs it. It extracts the ``traite_portal`` message ids from the
code, templates, ZCML, content models and profiles with i18ndude (a test
dependency), and writes ``fr/LC_MESSAGES/traite_portal.po`` where each message
is its default text (or the id itself when the id is French text). Zope
compiles the ``.mo`` at start-up (``zope_i18n_compile_mo_files``).
"""

from pathlib import Path

import subprocess
import sys
import tempfile


DOMAIN = "traite_portal"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
SOURCES = ("src/traite_portal", "content_types", "profiles")
PO_FILE = HERE / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract():
    """Every message id used by the add-on, as an i18ndude ``MessageCatalog``."""
    from i18ndude.catalog import MessageCatalog

    catalog = MessageCatalog(domain=DOMAIN)
    i18ndude = Path(sys.executable).parent / "i18ndude"
    with tempfile.TemporaryDirectory() as tmp:
        for index, source in enumerate(SOURCES):
            pot = Path(tmp) / f"{index}.pot"
            subprocess.run(
                [
                    str(i18ndude),
                    "rebuild-pot",
                    "--pot",
                    str(pot),
                    "--create",
                    DOMAIN,
                    ".",
                ],
                cwd=ROOT / source,
                check=True,
                capture_output=True,
            )
            catalog.add_missing(MessageCatalog(filename=str(pot)))
    return catalog


def french(catalog):
    """The catalogue with each message translated by its French default."""
    for msgid, entry in catalog.items():
        entry.msgstr = catalog.getDefault(msgid) or msgid
        # No « file:line » references: they change with every template edit,
        # so parallel branches would all rewrite (and conflict on) the file.
        entry.references = []
    catalog.commentary_header = [
        " French catalogue of traite_portal, written by `make i18n`: edit the",
        " defaults in the code and templates, then run it again.",
    ]
    catalog.mime_header["Project-Id-Version"] = DOMAIN
    catalog.mime_header["Plural-Forms"] = "nplurals=2; plural=(n > 1)"
    catalog.mime_header["Language-Code"] = "fr"
    catalog.mime_header["Language-Name"] = "Français"
    catalog.mime_header["Domain"] = DOMAIN
    return catalog


def main() -> int:
    from i18ndude.catalog import POWriter

    catalog = french(extract())
    PO_FILE.parent.mkdir(parents=True, exist_ok=True)
    with PO_FILE.open("w", encoding="utf-8") as out:
        POWriter(out, catalog).write(sort=True)
    print(f"{len(catalog)} messages → {PO_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
