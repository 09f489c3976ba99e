"""Only coordinators and administrators list the portal's users and groups.

Plone grants « List portal members » to every member, and its user, group
and principal vocabularies answer to anyone who may edit a field that uses
them (the ``creators`` of a draft) or read the query builder's options
(``@querystring``: the « Creator » criterion). The rolemap keeps the
permission to coordinators and administrators (coordinators manage the
associations' members); these vocabularies are empty for everyone else,
whatever the path that asks for them. ``overrides.zcml`` registers them in
place of Plone's.
"""

from AccessControl import getSecurityManager
from plone import api
from plone.api.exc import CannotGetPortalError
from plone.app.users.vocabularies import GroupIdVocabularyFactory
from plone.app.vocabularies.principals import GroupsFactory
from plone.app.vocabularies.principals import PrincipalsFactory
from plone.app.vocabularies.principals import UsersFactory
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleVocabulary


LIST_MEMBERS = "List portal members"


def may_list_members() -> bool:
    """Whether the user may list the portal's users and groups (never off-site)."""
    try:
        portal = api.portal.get()
    except CannotGetPortalError:
        return False
    return bool(getSecurityManager().checkPermission(LIST_MEMBERS, portal))


@implementer(IVocabularyFactory)
class MemberListFactory:
    """A vocabulary of users or groups, empty for whoever may not list them."""

    def __init__(self, factory):
        self.factory = factory

    def __call__(self, context, *args, **kwargs):
        if not may_list_members():
            return SimpleVocabulary([])
        return self.factory(context, *args, **kwargs)


# Vocabulary name → the restricted factory (see overrides.zcml).
MEMBER_LISTS = {
    "plone.app.vocabularies.Users": MemberListFactory(UsersFactory()),
    "plone.app.vocabularies.Groups": MemberListFactory(GroupsFactory()),
    "plone.app.vocabularies.Principals": MemberListFactory(PrincipalsFactory()),
    "plone.app.users.group_ids": MemberListFactory(GroupIdVocabularyFactory),
}
users = MEMBER_LISTS["plone.app.vocabularies.Users"]
groups = MEMBER_LISTS["plone.app.vocabularies.Groups"]
principals = MEMBER_LISTS["plone.app.vocabularies.Principals"]
group_ids = MEMBER_LISTS["plone.app.users.group_ids"]
