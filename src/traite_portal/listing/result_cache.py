"""A query's result set, computed once per catalog state, user and minute.

Running a library's query unsorted intersects the path, type and
``allowedRolesAndUsers`` sets of every text: C code, but 30,000 texts cost
about 5 ms a page. The result set depends only on what is cataloged, on the
query, on the roles and groups the user is searched with and, for users who may
not see inactive content, on the minute (``effectiveRange``'s precision), which
only matters when a text's effective or expiration date falls between two
listings. So it is kept, keyed on these, and computed again after any change to
the catalog: the result is exactly the catalog's own for this user, the first
listing after a change pays for the others.
"""

from BTrees import IOBTree
from BTrees.IIBTree import difference
from BTrees.IIBTree import IISet
from collections import OrderedDict
from DateTime import DateTime
from functools import cached_property
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.ZCatalog.ZCatalog import ZCatalog
from threading import Lock


# Each entry holds two sets of at most the library's size (120 kB each at
# 30,000 texts): a few libraries, sorts and kinds of users at once.
MAX_ENTRIES = 32

_entries: OrderedDict = OrderedDict()
_lock = Lock()


class Results:
    """The results of a query (``rids``) and those with a sort key (``keyed``)."""

    def __init__(self, rids: IISet, index, minute: int | None):
        self.rids = rids
        # The minute ``effectiveRange`` was searched at (None: not searched).
        self.minute = minute
        # Intersecting with the index's forward map is C set code, no Python loop.
        self.keyed = IISet(IOBTree.intersection(IOBTree.IOSet(rids), index._unindex))

    @cached_property
    def unkeyed(self) -> IISet:
        """The results without a sort key, in catalog order."""
        return difference(self.rids, self.keyed)


def results(catalog, query: dict, sort_on: str) -> Results:
    """The rids ``catalog.searchResults(**query)`` gives the current user, and
    those among them indexed in ``sort_on``: from the cache when the catalog has
    not changed since they were computed."""
    # Pending indexing would change the results: CatalogTool does it first too.
    processQueue()
    index = catalog._catalog.getIndex(sort_on)
    search = dict(query)
    search["allowedRolesAndUsers"] = catalog._listAllowedRolesAndUsers(
        _getAuthenticatedUser(catalog)
    )
    minute = None
    dates = catalog._catalog.getIndex("effectiveRange")
    if not catalog.allow_inactive(query):
        search["effectiveRange"] = now = DateTime()
        minute = dates._convertDateTime(now)
    key = _key(catalog, search, sort_on)
    if key is not None:
        with _lock:
            found = _entries.get(key)
        if found is not None and _same_at(dates, found.minute, minute):
            with _lock:
                if key in _entries:
                    _entries.move_to_end(key)
            return found
    # The same search as CatalogTool.searchResults, with the values keyed on.
    unsorted = ZCatalog.searchResults(catalog, **search)
    found = Results(IISet(getattr(unsorted, "_seq", ())), index, minute)
    if key is not None:
        with _lock:
            _entries[key] = found
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    return found


def _same_at(dates, kept: int | None, minute: int | None) -> bool:
    """Whether ``effectiveRange`` selects the same documents at both minutes:
    no document's start (``since``) nor end (``until``) lies between them."""
    if kept == minute:
        return True
    if kept is None or minute is None:
        return False
    first, last = min(kept, minute), max(kept, minute)
    # Active at ``first`` and not at ``last`` (or the reverse): a start in
    # (first, last] or an end in [first, last).
    starts = (dates._since, dates._since_only)
    ends = (dates._until, dates._until_only)
    return not any(_has_key(t, first + 1, last) for t in starts) and not any(
        _has_key(t, first, last - 1) for t in ends
    )


def _has_key(tree, low: int, high: int) -> bool:
    """Whether ``tree`` has a key from ``low`` to ``high`` (both included)."""
    if low > high:
        return False
    try:
        return tree.minKey(low) <= high
    except ValueError:  # no key from ``low`` on
        return False


def _key(catalog, search: dict, sort_on: str) -> tuple | None:
    """What the results depend on, or None when they must not be kept."""
    counter = catalog._counter
    # Changed in this transaction (not committed, maybe aborted) or never
    # counted: the committed state does not describe the catalog.
    if counter is None or counter._p_changed or counter._p_jar is None:
        return None
    counter()  # loads the counter: its serial is the last change's commit
    # ``effectiveRange`` is keyed on whether it is searched; the minute is
    # checked against the kept results' own (``_same_at``).
    frozen = tuple(
        sorted(
            (name, "dated" if name == "effectiveRange" else repr(value))
            for name, value in search.items()
        )
    )
    storage = id(counter._p_jar.db().storage)
    return (storage, counter._p_oid, counter._p_serial, frozen, sort_on)
