"""The portal's roles in the sharing tab, so they can be granted per folder.

Granting MinistryEditor on one ministry's folder, for instance, limits its
editors to that ministry's texts. Only site administrators may delegate them.
"""

from plone.app.workflow.interfaces import ISharingPageRole
from plone.app.workflow.permissions import DelegateRoles
from traite_portal import _
from zope.interface import implementer


@implementer(ISharingPageRole)
class SharingRole:
    """A custom role shown as a column of the sharing tab."""

    required_permission = DelegateRoles
    required_interface = None

    def __init__(self, title: str) -> None:
        self.title = title


def coordinator() -> SharingRole:
    return SharingRole(_("Coordinateur du Collectif"))


def association_member() -> SharingRole:
    return SharingRole(_("Membre d'association"))


def ministry_editor() -> SharingRole:
    return SharingRole(_("Rédacteur du ministère"))


def ministry_reviewer() -> SharingRole:
    return SharingRole(_("Relecteur du ministère"))


def jurist() -> SharingRole:
    return SharingRole(_("Juriste"))
