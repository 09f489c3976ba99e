"""What the log records about an item, read from the item itself.

Visibility is computed the way the catalog indexes it (the registered
``allowedRolesAndUsers`` indexer, the ``effective_date`` and
``expiration_date`` behind ``effectiveRange``), but from the object, so the
log never depends on the order in which the catalog queue is processed.
"""

from Acquisition import aq_base
from plone.indexer.interfaces import IIndexer
from Products.CMFCore.utils import getToolByName
from Products.CMFPlone.CatalogTool import allowedRolesAndUsers
from traite_portal.changelog.records import Visibility
from typing import NamedTuple
from zope.component import queryMultiAdapter


class ItemState(NamedTuple):
    """An item as a client would see it now."""

    path: str
    portal_type: str
    review_state: str | None
    modified: float | None
    visibility: Visibility


def site_of(obj):
    """The Plone site an item belongs to (through acquisition)."""
    return getToolByName(obj, "portal_url").getPortalObject()


def relative_path(obj, portal) -> str:
    """The item's path below the site root, with a leading slash."""
    depth = len(portal.getPhysicalPath())
    return "/" + "/".join(obj.getPhysicalPath()[depth:])


def timestamp(value) -> float | None:
    """A ``DateTime`` (or None) as a POSIX timestamp."""
    return None if value is None else float(value.timeTime())


def visibility_of(obj, portal) -> Visibility:
    """Who may list the item, as the catalog would index it now."""
    catalog = getToolByName(portal, "portal_catalog")
    indexer = queryMultiAdapter((obj, catalog), IIndexer, name="allowedRolesAndUsers")
    if indexer is None:
        indexer = allowedRolesAndUsers(obj, catalog)
    base = aq_base(obj)
    return Visibility(
        tuple(sorted(indexer())),
        timestamp(getattr(base, "effective_date", None)),
        timestamp(getattr(base, "expiration_date", None)),
    )


def item_state(obj, portal) -> ItemState:
    """The item's path, type, state, modification date and visibility."""
    workflow_tool = getToolByName(portal, "portal_workflow")
    modified = getattr(base := aq_base(obj), "modification_date", None)
    return ItemState(
        relative_path(obj, portal),
        base.portal_type,
        workflow_tool.getInfoFor(obj, "review_state", None),
        timestamp(modified),
        visibility_of(obj, portal),
    )
