"""REST ``@comments`` that lists only the comments the user may view.

plone.restapi serializes every comment of a conversation, pending ones
included; the classic viewlet shows only published comments to non-moderators.
These adapters, registered for the portal's browser layer, apply the comment's
own ``View`` permission (the comment workflow) to REST as well.
"""

from AccessControl import getSecurityManager
from plone.app.discussion.interfaces import IComment
from plone.app.discussion.interfaces import IConversation
from plone.restapi.batching import HypermediaBatch
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.discussion import CommentSerializer
from plone.restapi.serializer.discussion import ConversationSerializer
from plone.restapi.services.discussion.utils import can_reply
from plone.restapi.services.discussion.utils import can_view
from traite_portal.interfaces import IBrowserLayer
from zExceptions import Unauthorized
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.interface import implementer


def may_view_comment(comment) -> bool:
    """Whether the current user holds ``View`` on the comment."""
    return bool(getSecurityManager().checkPermission("View", comment))


@implementer(ISerializeToJson)
@adapter(IConversation, IBrowserLayer)
class VisibleConversationSerializer(ConversationSerializer):
    """The conversation, batched over the threads the user may view."""

    def __call__(self) -> dict:
        view_comments = can_view(self.context)
        threads = [
            thread
            for thread in self.context.getThreads()
            if may_view_comment(thread["comment"])
        ]
        batch = HypermediaBatch(self.request, threads if view_comments else [])
        results = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "permissions": {
                "view_comments": view_comments,
                "can_reply": can_reply(self.context),
            },
        }
        if batch.links:
            results["batching"] = batch.links
        results["items"] = [
            getMultiAdapter((thread["comment"], self.request), ISerializeToJson)()
            for thread in batch
        ]
        return results


@implementer(ISerializeToJson)
@adapter(IComment, IBrowserLayer)
class VisibleCommentSerializer(CommentSerializer):
    """One comment (``@comments/<id>``): refused unless the user may view it."""

    def __call__(self, include_items: bool = True) -> dict:
        if not may_view_comment(self.context):
            raise Unauthorized("Vous n'avez pas accès à ce commentaire.")
        return super().__call__(include_items=include_items)
