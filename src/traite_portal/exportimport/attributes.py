"""Each item's stored attributes outside its schema, set exactly, last.

collective.exportimport sets the fields; this step gives every item back the
rest as it was stored: workflow history and state, the permission settings
the state gave it, owner, creation and modification dates to the
microsecond, publication dates, version number, marker interfaces. It runs
last (other steps touch dates and versions) and reindexes every item.
"""

from plone.dexterity.utils import iterSchemata
from Products.CMFCore.utils import getToolByName
from traite_portal.exportimport.state import apply_state
from traite_portal.exportimport.state import loaded
from traite_portal.exportimport.state import object_state
from zope.schema import getFieldNames


OWNER = "_owner"


def schema_names(obj) -> frozenset[str]:
    """The names of the fields of every schema of the item (type and behaviors)."""
    return frozenset(
        name for schema in iterSchemata(obj) for name in getFieldNames(schema)
    )


# The schema fields the item has no value for (its schema's default shows).
UNSET = "traite_portal.unset_fields"


def export_attributes(items) -> dict:
    """UID → the item's attributes outside its schema, encoded."""
    result = {}
    for uid, obj in items:
        names = schema_names(obj)
        state = object_state(obj, skip=names)
        state[UNSET] = sorted(names - set(vars(loaded(obj))))
        result[uid] = state
    return result


def _unset(obj, names) -> None:
    """Fields the item had no value for stay without one.

    The steps before may have set one: an item modified while it has no
    creator gets the current user as its creator (``addCreator``).
    """
    base = loaded(obj)
    for name in names:
        if name in vars(base):
            delattr(base, name)


def import_attributes(portal, items, data: dict, site_ids: tuple[str, str]) -> int:
    """Set the attributes of every item (UID → item), then reindex it."""
    catalog = getToolByName(portal, "portal_catalog")
    count = 0
    for uid, obj in items:
        state = dict(_rebased(data[uid], *site_ids))
        unset = state.pop(UNSET, ())
        apply_state(obj, state, skip=schema_names(obj))
        _unset(obj, unset)
        # Cataloged directly: reindexObject() would set a new modification date.
        catalog.catalog_object(obj, "/".join(obj.getPhysicalPath()))
        count += 1
    return count


def _rebased(state: dict, old_site: str, new_site: str) -> dict:
    """The owner's user folder in the new site when the site's id changed."""
    owner = state.get(OWNER)
    if old_site == new_site or not isinstance(owner, dict):
        return state
    path, user_id = owner["v"]
    if path and path[0] == old_site:
        path = [new_site, *path[1:]]
    return {**state, OWNER: {**owner, "v": [path, user_id]}}
