"""Validation against the OASIS Akoma Ntoso 3.0 schema (not shipped with the code).

The schema is read from ``TRAITE_AKN_SCHEMA`` when set, otherwise from
``../shared/standards/akomantoso30/akomantoso30.xsd`` next to the project
(where CI and the shared workstation keep it). It is compiled once per
process with an explicit parser: its ``xml.xsd`` import is a local file.
"""

from functools import cache
from lxml import etree
from pathlib import Path
from traite_portal import _
from traite_portal.akn.errors import AknError

import os
import traite_portal


ENVIRONMENT_VARIABLE = "TRAITE_AKN_SCHEMA"
RELATIVE_PATH = Path("shared", "standards", "akomantoso30", "akomantoso30.xsd")


def project_root() -> Path:
    """The project's folder (``src/traite_portal`` is two levels below)."""
    return Path(traite_portal.__file__).resolve().parent.parent.parent


def schema_path() -> Path:
    """Where the OASIS schema is read from."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured)
    return project_root().parent / RELATIVE_PATH


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
