"""Compare exports: C14N 2.0 with the dates of the export itself normalized.

Two exports of the same content differ only by the day they were made
(``FRBRdate name="generation"``), the day the content was last modified
(``name="modified"``, an import modifies everything) and the creation
timestamps' notation; every URL is an IRI independent of the host and site.
"""

from lxml import etree
from traite_portal.akn.namespaces import akn
from traite_portal.akn.safety import parse_untrusted


NORMALIZED_DATES = ("generation", "modified")
PLACEHOLDER = "0001-01-01"


def canonical(data: bytes) -> str:
    """The C14N 2.0 form of an export, its export-time dates normalized."""
    root = parse_untrusted(data)
    for element in root.iter(akn("FRBRdate")):
        if element.get("name") in NORMALIZED_DATES:
            element.set("date", PLACEHOLDER)
    return etree.canonicalize(root)
