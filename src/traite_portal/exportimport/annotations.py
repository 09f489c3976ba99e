"""Annotations of the content items: status timelines, overdue marks, rules.

collective.exportimport carries no annotation. Every annotation of every item
is exported here exactly (the measures' implementation status timelines
``traite_portal.implementation_status``, the overdue notifications' month,
local content rule assignments…), but those another step carries: comments,
the order of a folder's children, portlets. Image scales are derived and
left out. A value of a kind the export does not know stops the export.
"""

from plone.contentrules.engine.assignments import RuleAssignment
from plone.contentrules.engine.interfaces import IRuleAssignmentManager
from traite_portal.exportimport.typed import decode
from traite_portal.exportimport.typed import encode
from zope.annotation.interfaces import IAnnotations


SEPARATE_ANNOTATIONS = (
    "plone.app.discussion:conversation",  # discussion step
    "plone.folder.ordered.",  # ordering step (both keys start so)
    "plone.portlets.",  # portlets step
    "plone.scale",  # image scales, computed again on demand
)
RULES = "plone.contentrules.localassignments"


def _separate(key: str) -> bool:
    return key.startswith(SEPARATE_ANNOTATIONS)


def export_annotations(items) -> dict:
    """UID → {key: encoded value} for ``items`` (UID → item)."""
    result = {}
    for uid, obj in items:
        annotations = IAnnotations(obj)
        data = {}
        for key, value in annotations.items():
            if _separate(key):
                continue
            if key == RULES:
                data[key] = {
                    name: [a.ruleid, a.enabled, a.bubbles] for name, a in value.items()
                }
            else:
                data[key] = encode(value)
        if data:
            result[uid] = data
    return result


def import_annotations(items, data: dict) -> int:
    """Give every item (UID → item) exactly the annotations of the export."""
    count = 0
    for uid, obj in items:
        wanted = data.get(uid, {})
        annotations = IAnnotations(obj)
        for key in [key for key in annotations if not _separate(key)]:
            if key not in wanted:
                del annotations[key]
        for key, value in wanted.items():
            if key == RULES:
                _set_rules(obj, value)
            else:
                annotations[key] = decode(value)
            count += 1
    return count


def _set_rules(obj, assignments: dict) -> None:
    manager = IRuleAssignmentManager(obj)
    for name in list(manager):
        del manager[name]
    for name, (ruleid, enabled, bubbles) in assignments.items():
        manager[name] = RuleAssignment(ruleid, enabled, bubbles)
