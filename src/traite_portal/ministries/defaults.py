"""A new text without an owning ministry gets its author's ministry.

Stored at creation, never computed when read: a default that depended on the
reader would hand each ministry the local roles of texts nobody assigned.
"""

from Acquisition import aq_base
from plone import api
from traite_portal.groups import ministry_editors_group_id
from traite_portal.ministries.localroles import ministry_tokens


def user_ministries(user=None) -> list[str]:
    """The ministries whose editors group holds the user (current by default)."""
    user = user or api.user.get_current()
    groups = set(user.getGroups()) if hasattr(user, "getGroups") else set()
    return [
        token
        for token in sorted(ministry_tokens())
        if ministry_editors_group_id(token) in groups
    ]


def fill_ministry_from_author(text, event) -> None:
    """Set ``ministry`` when the author belongs to exactly one ministry."""
    if getattr(aq_base(text), "ministry", None):
        return
    tokens = user_ministries()
    if len(tokens) == 1:
        text.ministry = tokens[0]
        text.reindexObjectSecurity()
