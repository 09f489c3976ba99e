"""Document-id sets from catalog indexes (BTrees, no object woken)."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from DateTime import DateTime


def value_set(index, value):
    """Documents holding one value of a field or keyword index."""
    found = index._index.get(value)
    if found is None:
        return IISet()
    # UnIndex stores a value held by a single document as a bare int.
    return IISet((found,)) if isinstance(found, int) else found


def values_set(index, values):
    """Documents holding any of the values."""
    return multiunion([value_set(index, v) for v in values])


def index_values(index):
    """(value, documents) for every value of the index."""
    for value, found in index._index.items():
        yield value, IISet((found,)) if isinstance(found, int) else found


def document_values(index, docid) -> tuple:
    """The values one document has in a field or keyword index."""
    value = index._unindex.get(docid)
    if value is None:
        return ()
    if isinstance(value, (list, tuple, set, frozenset)) or hasattr(value, "keys"):
        return tuple(value)
    return (value,)


def allowed_set(catalog, viewer, path: str | None = None, within=None):
    """What the viewer may see: the same conditions as Plone's searchResults
    (allowedRolesAndUsers, effective range unless allowed) and a path.

    With ``within``, only the visible documents of that set: the indexes then
    work on it as in a catalog query (the effective range, for one, looks only
    for the few items out of it instead of uniting the whole site's dates).
    """
    zcatalog = catalog._catalog
    query = {"allowedRolesAndUsers": {"query": list(viewer.allowed), "operator": "or"}}
    if not viewer.show_inactive:
        query["effectiveRange"] = DateTime()
    if path:
        query["path"] = {"query": path}
    result = within
    for name, value in query.items():
        if result is not None and not result:
            return IISet()
        found, _ = zcatalog.getIndex(name)._apply_index({name: value}, result)
        result = found if result is None else intersection(result, found)
    return result
