"""Relation fields in REST answers list only the targets the user may view.

plone.restapi's serializer drops broken relations but not hidden ones: a
public proposal citing a draft circular would give the draft's title and URL
to anonymous clients.
"""

from AccessControl import getSecurityManager
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.relationfield import RelationListFieldSerializer
from traite_portal.interfaces import ITraiteContent
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


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
