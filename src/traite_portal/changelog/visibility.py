"""What one reader may see of the log: the catalog's rules, applied to entries.

A reader is described as the catalog describes the searching user (its
``allowedRolesAndUsers`` tokens: roles, ``user:<id>``, ``user:<group>``) plus
whether it may list items outside their publication dates. An entry's
visibility is evaluated at the time of the entry; its "before" at the time of
the item's previous entry. A reader that could see the item before and no
longer can gets ``removed`` (``deleted`` for a deletion); one that could not
and now can gets ``created``; entries about items it never sees are absent.
"""

from AccessControl import getSecurityManager
from dataclasses import dataclass
from Products.CMFCore.permissions import AccessInactivePortalContent
from Products.CMFCore.utils import getToolByName
from traite_portal.changelog.records import Change
from traite_portal.changelog.records import CREATED
from traite_portal.changelog.records import DELETED
from traite_portal.changelog.records import MODIFIED
from traite_portal.changelog.records import MOVED
from traite_portal.changelog.records import SECURITY
from traite_portal.changelog.records import TRANSITION
from traite_portal.changelog.records import Visibility


# The kind a reader that sees the item before and after is told, by priority.
KIND_PRIORITY = (
    (MOVED, "moved"),
    (TRANSITION, "transition"),
    (MODIFIED, "modified"),
    (SECURITY, "security"),
)
REMOVALS = ("removed", "deleted")


@dataclass(frozen=True)
class Viewer:
    """A reader of the log, as the catalog would filter its searches."""

    tokens: frozenset[str]
    sees_inactive: bool  # "Access inactive portal content": ignores dates

    def sees(self, visibility: Visibility | None, at: float | None) -> bool:
        """True when this reader may list an item of ``visibility`` at ``at``."""
        if visibility is None or self.tokens.isdisjoint(visibility.tokens):
            return False
        if self.sees_inactive or at is None:
            return True
        effective, expires = visibility.effective, visibility.expires
        return (effective is None or effective <= at) and (
            expires is None or at <= expires
        )


def viewer_for(portal, user=None) -> Viewer:
    """The reader ``user`` (a PAS user; default: the current one) is."""
    if user is None:
        user = getSecurityManager().getUser()
    catalog = getToolByName(portal, "portal_catalog")
    tokens = frozenset(catalog._listAllowedRolesAndUsers(user))
    return Viewer(
        tokens, bool(user.has_permission(AccessInactivePortalContent, portal))
    )


@dataclass(frozen=True)
class Scope:
    """A feed restricted to a folder (site-relative path) and/or some types."""

    path: str | None = None
    portal_types: frozenset[str] | None = None

    def contains(self, path: str, portal_type: str) -> bool:
        if self.portal_types is not None and portal_type not in self.portal_types:
            return False
        return (
            self.path is None or path == self.path or path.startswith(self.path + "/")
        )


EVERYTHING = Scope()


def kind_for(change: Change, viewer: Viewer, scope: Scope = EVERYTHING) -> str | None:
    """What ``viewer`` is told about ``change`` (None: nothing)."""
    path_before = change.old_path or change.path
    after = change.after is not None and (
        viewer.sees(change.after, change.when)
        and scope.contains(change.path, change.portal_type)
    )
    if change.before is not None:
        visible, at = change.before, change.before_when
    elif change.after is not None and not change.kinds & CREATED:
        visible, at = change.after, change.when  # unknown before: as after
    else:
        visible, at = None, None  # created: nobody saw it before
    before = viewer.sees(visible, at) and scope.contains(
        path_before, change.portal_type
    )
    if before and after:
        for bit, name in KIND_PRIORITY:
            if change.kinds & bit:
                return name
        return None  # a publication date that changed nothing for this reader
    if after:
        return "created"
    if before:
        return "deleted" if change.kinds & DELETED else "removed"
    return None
