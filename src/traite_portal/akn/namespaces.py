"""The XML namespaces of an export and element makers for them."""

from lxml.builder import ElementMaker


AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# The portal's own metadata (inside <proprietary>): ids, states, fields that
# Akoma Ntoso has no element for.
TRAITE_NS = "urn:traite-portal:akn:1"
XINCLUDE_NAMESPACES = (
    "http://www.w3.org/2001/XInclude",
    "http://www.w3.org/2003/XInclude",
)
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {None: AKN_NS, "traite": TRAITE_NS}

A = ElementMaker(namespace=AKN_NS, nsmap=NSMAP)
T = ElementMaker(namespace=TRAITE_NS, nsmap=NSMAP)


def akn(tag: str) -> str:
    """The qualified name of an Akoma Ntoso element: ``{ns}tag``."""
    return f"{{{AKN_NS}}}{tag}"


def traite(tag: str) -> str:
    """The qualified name of an element of the portal's namespace."""
    return f"{{{TRAITE_NS}}}{tag}"


def local_name(element) -> str:
    """The tag of an element without its namespace ("" for comments, PIs)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
