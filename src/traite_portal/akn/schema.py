"""Validation against the OASIS Akoma Ntoso 3.0 schema (not shipped with the code).

The schema is read from ``TRAITE_AKN_SCHEMA`` when set, otherwise from
``shared/standards/akomantoso30/akomantoso30.xsd`` in the nearest folder
above the project that has it: ``../shared/…`` for a checkout (where CI and
the shared workstation keep it), ``../../shared/…`` for a git worktree kept
one level deeper. A local clone kept elsewhere (``git clone . /tmp/fresh``)
also looks above the repository it was cloned from (its ``origin``, and
that one's, a few levels up). It is
compiled once per process with an explicit parser: its ``xml.xsd`` import is
a local file.
"""

from functools import cache
from lxml import etree
from pathlib import Path
from traite_portal import _
from traite_portal.akn.errors import AknError

import os
import subprocess
import traite_portal


ENVIRONMENT_VARIABLE = "TRAITE_AKN_SCHEMA"
RELATIVE_PATH = Path("shared", "standards", "akomantoso30", "akomantoso30.xsd")


def project_root() -> Path:
    """The project's folder (``src/traite_portal`` is two levels below)."""
    return Path(traite_portal.__file__).resolve().parent.parent.parent


@cache
def origin_checkout(root: Path) -> Path | None:
    """The local repository ``root`` was cloned from, if its origin is a folder."""
    try:
        url = subprocess.run(
            ["git", "-C", str(root), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    url = url.removeprefix("file://")
    if not url or not Path(url).is_absolute() or not Path(url).is_dir():
        return None
    return Path(url).resolve()


def find_schema(root: Path) -> Path | None:
    """The schema above ``root``, or above the local clones' origins it came from."""
    seen: list[Path] = []
    start: Path | None = root
    while start is not None and start not in seen and len(seen) < 5:
        seen.append(start)
        for folder in start.parents:
            if (folder / RELATIVE_PATH).is_file():
                return folder / RELATIVE_PATH
        start = origin_checkout(start)
    return None


def schema_path() -> Path:
    """Where the OASIS schema is read from."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured)
    root = project_root()
    return find_schema(root) or root.parent / RELATIVE_PATH


@cache
def _compiled(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    return etree.XMLSchema(etree.parse(str(path), parser))


def load_schema() -> etree.XMLSchema:
    """The compiled schema, or ``AknError`` (French) when it cannot be found."""
    path = schema_path()
    if not path.is_file():
        raise AknError(
            _(
                "akn_error_no_schema",
                default="Schéma Akoma Ntoso 3.0 introuvable (${path}) : "
                "indiquez son chemin dans la variable ${variable}.",
                mapping={"path": str(path), "variable": ENVIRONMENT_VARIABLE},
            ),
            status=503,
        )
    return _compiled(path)


def schema_errors(root: etree._Element) -> list[str]:
    """The schema's complaints about a document, « ligne N : message » each."""
    schema = load_schema()
    if schema.validate(root):
        return []
    return [f"ligne {e.line} : {e.message}" for e in schema.error_log]


def validate(root: etree._Element) -> None:
    """Raise ``AknError`` (400) unless the document is schema-valid."""
    errors = schema_errors(root)
    if errors:
        raise AknError(
            _(
                "akn_error_schema",
                default="Document non conforme au schéma Akoma Ntoso 3.0 "
                "(${count} erreur(s)), ${first}",
                mapping={"count": len(errors), "first": errors[0]},
            )
        )
