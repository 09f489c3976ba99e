"""An item as the search server indexes it: the catalog's own data.

Everything but the text comes from the catalog's indexes for the item (the
same permission tokens, publication range, facet values and identifiers the
catalog backend filters and counts on), so both backends decide alike; the
text comes from the item through the catalog's indexable wrapper (the same
``SearchableText``, ``Title`` and ``Description`` the catalog indexes),
analysed by the portal when the server cannot analyse French.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.indexer.interfaces import IIndexableObject
from traite_portal.search.analysis import analyse_text
from traite_portal.search.backends.catalog.sets import document_values
from traite_portal.search.backends.server.mapping import PORTAL_ANALYSIS
from traite_portal.search.backends.server.mapping import TEXT_FIELDS
from traite_portal.search.facets import FACETS
from zope.component import queryMultiAdapter


# Comments are catalogued but not in the change log the indexer follows.
NOT_INDEXED_TYPES = frozenset({"Discussion Item"})
KEYWORD_INDEXES = ("portal_type", "review_state", "search_identifiers")


def _text(wrapper, name: str) -> str:
    value = getattr(wrapper, name, "")
    if callable(value):
        value = value()
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value if v)
    return value if isinstance(value, str) else ""


def _values(zcatalog, name: str, rid: int, kind=str) -> list:
    index = zcatalog.getIndex(name)
    return sorted({kind(v) for v in document_values(index, rid) if v is not None})


def ancestor_paths(path: str) -> list[str]:
    """« /a/b/c » → ["/a", "/a/b", "/a/b/c"] (what a path filter matches)."""
    parts = path.strip("/").split("/")
    return ["/" + "/".join(parts[:n]) for n in range(1, len(parts) + 1)]


def document_for(catalog, brain, analysis: str) -> dict:
    """The index document of a catalogued item (its ``_id`` is its UID)."""
    zcatalog = catalog._catalog
    rid = brain.getRID()
    obj = brain._unrestrictedGetObject()
    wrapper = queryMultiAdapter((obj, catalog), IIndexableObject) or obj
    since, until = zcatalog.getIndex("effectiveRange").getEntryForObject(
        rid, (None, None)
    )
    path = brain.getPath()
    doc = {
        "UID": brain.UID,
        "path": path,
        "paths": ancestor_paths(path),
        "allowedRolesAndUsers": _values(zcatalog, "allowedRolesAndUsers", rid),
        "effective": since,
        "expires": until,
        "modified": brain.modified.ISO8601() if brain.modified else None,
        "search_date": (_values(zcatalog, "search_date", rid, int) or [None])[0],
    }
    for name in KEYWORD_INDEXES:
        doc[name] = _values(zcatalog, name, rid)
    for facet in FACETS:
        doc[facet.index] = _values(zcatalog, facet.index, rid, facet.value_type)
    for name in TEXT_FIELDS:
        text = _text(wrapper, name)
        doc[name] = (
            " ".join(analyse_text(text)) if analysis == PORTAL_ANALYSIS else text
        )
    return doc


def site_path(catalog) -> str:
    return "/".join(aq_parent(aq_inner(catalog)).getPhysicalPath())


def indexable_brains(catalog, **query):
    """Unrestricted brains of what the server indexes (comments left out)."""
    query.setdefault("path", site_path(catalog))
    for brain in catalog.unrestrictedSearchResults(**query):
        if brain.portal_type not in NOT_INDEXED_TYPES and brain.UID:
            yield brain
