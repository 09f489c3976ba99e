"""Relation fields in REST answers list only the targets the user may view.

plone.restapi's serializer drops broken relations but not hidden ones: a
public proposal citing a draft circular would give the draft's title and URL
to anonymous clients.

Each target's summary is made once per request: plone.restapi clones the
whole request for every relation it lists, and the items of a batch
(``@akn-documents?fullobjects``, ``@search?fullobjects``) mostly cite the
same few texts.
"""

from AccessControl import getSecurityManager
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.relationfield import RelationListFieldSerializer
from plone.restapi.serializer.relationfield import relationvalue_converter
from traite_portal.interfaces import ITraiteContent
from z3c.relationfield.interfaces import IRelationList
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.interface import Interface


SUMMARIES = "traite_portal.relation_summaries"


@adapter(IRelationList, ITraiteContent, Interface)
@implementer(IFieldSerializer)
class ViewableRelationListFieldSerializer(RelationListFieldSerializer):
    """plone.restapi's relation list, minus the targets the user may not view."""

    def get_value(self, default=None):
        check = getSecurityManager().checkPermission
        value = super().get_value(default)
        if not value:
            return value
        return [rel for rel in value if check("View", rel.to_object)]

    def __call__(self):
        # What ``json_compatible(self.get_value())`` gives, each summary made
        # by plone.restapi's own converter, once per target and request.
        value = self.get_value()
        request = getRequest()
        if not value or request is None:
            return json_compatible(value)
        made = IAnnotations(request).setdefault(SUMMARIES, {})
        summaries = []
        for relation in value:
            if relation.to_id not in made:
                made[relation.to_id] = relationvalue_converter(relation)
            summary = made[relation.to_id]
            summaries.append(None if summary is None else dict(summary))
        return summaries
