"""A comment gives its author no role of its own.

plone.app.discussion makes the commenter ``Owner`` of the comment; a published
comment acquires ``View`` from its proposal, whose draft state grants ``View``
to ``Owner``: a jurist would keep reading his comment, and finding it in
searches, after the proposal went back to draft. Edit and delete of one's own
comments are off (registry), so the role serves nothing else.
"""

from plone.app.discussion.interfaces import IComment
from zope.lifecycleevent.interfaces import IObjectAddedEvent


def drop_commenter_owner_role(comment: IComment, event: IObjectAddedEvent) -> None:
    """Remove the local ``Owner`` role set on a new comment."""
    owners = [
        principal for principal, roles in comment.get_local_roles() if "Owner" in roles
    ]
    if owners:
        comment.manage_delLocalRoles(owners)
        comment.reindexObjectSecurity()
