"""Helpers for the Akoma Ntoso tests: the administrator, an empty site, checks."""

from lxml import etree
from plone.app.testing import login
from plone.app.testing import SITE_OWNER_NAME
from Products.CMFPlone.factory import addPloneSite
from traite_portal.akn.namespaces import akn
from traite_portal.akn.safety import parse_untrusted
from traite_portal.akn.schema import schema_errors
from zope.component.hooks import setSite


PROFILES = ("plone.app.contenttypes:default", "traite_portal:default")


def as_admin(layer) -> None:
    """Log in the Zope administrator (Manager everywhere, a real user)."""
    login(layer["app"], SITE_OWNER_NAME)


def empty_site(layer, site_id: str = "vide"):
    """A new site with the add-on and no content, made current."""
    site = addPloneSite(
        layer["app"],
        site_id,
        extension_ids=PROFILES,
        setup_content=False,
        default_language="fr",
    )
    setSite(site)
    return site


def valid_root(data: bytes):
    """The parsed document, asserting it validates against the OASIS schema."""
    root = parse_untrusted(data)
    assert schema_errors(root) == []
    return root


def document_of(root):
    """The document element under ``<akomaNtoso>``."""
    (document,) = [e for e in root if isinstance(e.tag, str)]
    return document


def eids(root) -> list[str]:
    """Every eId of a document, in order."""
    return [e.get("eId") for e in root.iter() if e.get("eId")]


def refs(element, relationship: str) -> list[str]:
    """The hrefs of ``<p class="<relationship>">`` refs directly in a block."""
    return [
        ref.get("href")
        for block in element.iterchildren(akn("p"))
        if block.get("class") == relationship
        for ref in block.iter(akn("ref"))
    ]


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def xml(element) -> str:
    return etree.tostring(element, encoding="unicode")
