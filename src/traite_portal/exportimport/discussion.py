"""Comments through collective.exportimport, then each comment made exact.

collective.exportimport rebuilds each conversation (text, author, dates,
threads); every comment then gets its stored attributes back as they were:
its UID, its moderation state and workflow history, its owner and the
permission settings its state gives it.
"""

from collective.exportimport.export_other import ExportDiscussion
from collective.exportimport.import_other import ImportDiscussion
from plone import api
from plone.app.discussion.interfaces import IConversation
from traite_portal.exportimport.errors import ExportFormatError
from traite_portal.exportimport.state import apply_state
from traite_portal.exportimport.state import object_state


# A comment's attributes are all kept but its parent pointer and annotations.
COMMENT_SEPARATE = frozenset({"__parent__", "__annotations__", "__provides__"})


class DiscussionExport(ExportDiscussion):
    def data(self) -> list:
        conversations = self.all_discussions()
        for conversation in conversations:
            obj = api.content.get(UID=conversation["uuid"])
            stored = IConversation(obj)
            conversation["traite_portal.comments"] = {
                str(comment_id): object_state(comment, separate=COMMENT_SEPARATE)
                for comment_id, comment in stored._comments.items()
            }
        return conversations


class DiscussionImport(ImportDiscussion):
    def run(self, data: list) -> int:
        count = self.import_data(data)
        expected = sum(len(item["traite_portal.comments"]) for item in data)
        if count != expected:
            raise ExportFormatError(
                f"{expected - count} commentaires sans contenu dans l'export"
            )
        for item in data:
            conversation = IConversation(api.content.get(UID=item["uuid"]))
            for comment_id, state in item["traite_portal.comments"].items():
                comment = conversation._comments[int(comment_id)]
                apply_state(comment, state, separate=COMMENT_SEPARATE)
                conversation[comment_id].reindexObject()
        return count
