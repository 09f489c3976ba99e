"""Local roles of the ministry groups, computed from the content (borg.localrole).

- Measure: ``<ministry>-editors`` of each ministry in ``responsible_bodies``
  get ``MinistryEditor`` (they update the implementation status).
- Legal text with an owning ``ministry`` (Circular, NationalText):
  ``<ministry>-editors`` get ``MinistryEditor``, ``<ministry>-reviewers``
  get ``MinistryReviewer``.
- Text library: every ministry's editors get ``Contributor`` so they can add
  texts there (the legal-text workflow gives ``Contributor`` nothing on the
  texts themselves, so this grants no access to other ministries' drafts).
"""

from borg.localrole.interfaces import ILocalRoleProvider
from collections.abc import Iterable
from traite_portal.groups import ministries
from traite_portal.groups import ministry_editors_group_id
from traite_portal.groups import ministry_reviewers_group_id
from traite_portal.interfaces import ILegalText
from traite_portal.interfaces import IMeasure
from traite_portal.interfaces import ITextLibrary
from zope.component import adapter
from zope.interface import implementer


def ministry_tokens() -> frozenset[str]:
    return frozenset(body.token for body in ministries())


class _GroupRoles:
    """A provider whose roles are a mapping principal id → roles."""

    def __init__(self, context):
        self.context = context

    def principal_roles(self) -> dict[str, tuple[str, ...]]:
        raise NotImplementedError

    def getRoles(self, principal_id: str) -> Iterable[str]:
        return self.principal_roles().get(principal_id, ())

    def getAllRoles(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        return self.principal_roles().items()


@implementer(ILocalRoleProvider)
@adapter(IMeasure)
class MeasureMinistryRoles(_GroupRoles):
    """The editors of the ministries leading the measure."""

    def principal_roles(self) -> dict[str, tuple[str, ...]]:
        known = ministry_tokens()
        bodies = getattr(self.context, "responsible_bodies", None) or ()
        return {
            ministry_editors_group_id(token): ("MinistryEditor",)
            for token in bodies
            if token in known
        }


@implementer(ILocalRoleProvider)
@adapter(ILegalText)
class LegalTextMinistryRoles(_GroupRoles):
    """The editors and reviewers of the text's owning ministry."""

    def principal_roles(self) -> dict[str, tuple[str, ...]]:
        token = getattr(self.context, "ministry", None)
        if token not in ministry_tokens():
            return {}
        return {
            ministry_editors_group_id(token): ("MinistryEditor",),
            ministry_reviewers_group_id(token): ("MinistryReviewer",),
        }


@implementer(ILocalRoleProvider)
@adapter(ITextLibrary)
class TextLibraryMinistryRoles(_GroupRoles):
    """Every ministry's editors may add texts to a library."""

    def principal_roles(self) -> dict[str, tuple[str, ...]]:
        return {
            ministry_editors_group_id(token): ("Contributor",)
            for token in sorted(ministry_tokens())
        }
