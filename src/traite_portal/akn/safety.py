"""Parse untrusted XML safely: the only place an imported document is parsed.

An explicit lxml parser (lxml's global default parser is never changed): no
entity resolution, no DTD loading or validation, no network, no huge trees.
The document is fed in chunks to a pull parser that counts elements and
depth as they arrive, so an oversized tree is stopped early; any DOCTYPE
(and with it every entity, internal, external or parameter) and any XInclude
element is refused. Nothing here reads a file or opens a connection.
"""

from lxml import etree
from traite_portal import _
from traite_portal.akn.errors import AknError
from traite_portal.akn.limits import MAX_BYTES
from traite_portal.akn.limits import MAX_DEPTH
from traite_portal.akn.limits import MAX_ELEMENTS
from traite_portal.akn.namespaces import AKN_NS
from traite_portal.akn.namespaces import XINCLUDE_NAMESPACES
from traite_portal.akn.namespaces import XSI_NS


CHUNK = 64 * 1024
# The prolog is fed byte by byte (up to this many bytes) so that a DOCTYPE is
# refused as soon as the root element starts, before any entity is referenced.
PROLOG_BYTES = 64 * 1024
PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "huge_tree": False,
    "remove_pis": True,
    "strip_cdata": True,
}


def safe_parser(events=("start", "end")) -> etree.XMLPullParser:
    """A new pull parser with the safe options (one per document)."""
    return etree.XMLPullParser(events=events, **PARSER_OPTIONS)


def _check_size(data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise AknError(
            _(
                "akn_error_too_large",
                default="Document trop volumineux : ${size} octets, la limite est "
                "de ${limit} octets.",
                mapping={"size": len(data), "limit": MAX_BYTES},
            ),
            status=413,
        )
    if not data.strip():
        raise AknError(_("akn_error_empty", default="Document vide."))


def _count(parser: etree.XMLPullParser, state: dict) -> None:
    """Follow depth and element count; stop as soon as a limit is passed."""
    for event, element in parser.read_events():
        if event == "end":
            state["depth"] -= 1
            continue
        if not state["elements"]:
            _check_doctype(element)
        state["depth"] += 1
        state["elements"] += 1
        if state["depth"] > MAX_DEPTH:
            raise AknError(
                _(
                    "akn_error_too_deep",
                    default="Document trop profond : plus de ${limit} niveaux "
                    "d'éléments imbriqués.",
                    mapping={"limit": MAX_DEPTH},
                )
            )
        if state["elements"] > MAX_ELEMENTS:
            raise AknError(
                _(
                    "akn_error_too_many_elements",
                    default="Document trop grand : plus de ${limit} éléments.",
                    mapping={"limit": MAX_ELEMENTS},
                )
            )


def _parse(data: bytes) -> etree._Element:
    parser = safe_parser()
    state = {"depth": 0, "elements": 0}
    position = 0
    try:
        while position < min(len(data), PROLOG_BYTES) and not state["elements"]:
            parser.feed(data[position : position + 1])
            position += 1
            _count(parser, state)
        for start in range(position, len(data), CHUNK):
            parser.feed(data[start : start + CHUNK])
            _count(parser, state)
        root = parser.close()
        _count(parser, state)
    except etree.XMLSyntaxError as error:
        raise AknError(
            _(
                "akn_error_not_well_formed",
                default="XML mal formé (ligne ${line}) : ${detail}",
                mapping={"line": error.lineno, "detail": error.msg},
            )
        ) from None
    return root


def _check_doctype(root: etree._Element) -> None:
    """Refuse any DOCTYPE: external DTDs, and every kind of entity."""
    docinfo = root.getroottree().docinfo
    if docinfo.system_url or docinfo.public_id:
        raise AknError(
            _(
                "akn_error_external_dtd",
                default="DTD externe refusée : un document Akoma Ntoso ne doit "
                "pas déclarer de DOCTYPE (rien n'a été chargé).",
            )
        )
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise AknError(
            _(
                "akn_error_doctype",
                default="Déclaration DOCTYPE refusée : les DTD et les entités XML "
                "(internes, externes ou paramètres) ne sont pas acceptées.",
            )
        )


def _check_content(root: etree._Element) -> None:
    """Refuse XInclude elements anywhere (even where the schema is lax)."""
    for element in root.iter(etree.Element):
        namespace = etree.QName(element).namespace
        if namespace in XINCLUDE_NAMESPACES:
            raise AknError(
                _(
                    "akn_error_xinclude",
                    default="XInclude refusé : le document ne doit inclure aucun "
                    "autre fichier.",
                )
            )
    for element in root.iter(etree.Entity):
        raise AknError(
            _(
                "akn_error_entity",
                default="Référence d'entité refusée : « ${name} ».",
                mapping={"name": element.text},
            )
        )


def _check_namespace(root: etree._Element) -> None:
    qname = etree.QName(root)
    if qname.namespace != AKN_NS or qname.localname != "akomaNtoso":
        raise AknError(
            _(
                "akn_error_namespace",
                default="Ce n'est pas un document Akoma Ntoso 3.0 : l'élément "
                "racine est « ${found} », attendu « akomaNtoso » dans l'espace de "
                "noms ${expected}.",
                mapping={"found": qname.text, "expected": AKN_NS},
            )
        )


def parse_untrusted(data: bytes) -> etree._Element:
    """The root of an untrusted document, or ``AknError`` with a French message.

    Schema hints (``xsi:schemaLocation``) are dropped: documents are only ever
    validated against the portal's own copy of the OASIS schema.
    """
    _check_size(data)
    root = _parse(data)
    _check_doctype(root)
    _check_content(root)
    _check_namespace(root)
    for element in root.iter(etree.Element):
        for name in ("schemaLocation", "noNamespaceSchemaLocation"):
            element.attrib.pop(f"{{{XSI_NS}}}{name}", None)
    return root
