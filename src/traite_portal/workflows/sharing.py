"""The portal's roles in the sharing tab, so they can be granted per item.

Each role is offered only to those holding its delegation permission
(``delegation.py``): the Collectif's roles to coordinators and site
administrators, the ministries' roles to site administrators.
"""

from plone.app.workflow.interfaces import ISharingPageRole
from traite_portal import _
from traite_portal.workflows.delegation import DELEGATION
from zope.interface import implementer


@implementer(ISharingPageRole)
class SharingRole:
    """A custom role shown as a column of the sharing tab."""

    required_interface = None

    def __init__(self, role: str, title: str) -> None:
        self.title = title
        self.required_permission = DELEGATION[role].permission


def coordinator() -> SharingRole:
    return SharingRole("Coordinator", _("Coordinateur du Collectif"))


def association_member() -> SharingRole:
    return SharingRole("AssociationMember", _("Membre d'association"))


def ministry_editor() -> SharingRole:
    return SharingRole("MinistryEditor", _("Rédacteur du ministère"))


def ministry_reviewer() -> SharingRole:
    return SharingRole("MinistryReviewer", _("Relecteur du ministère"))


def jurist() -> SharingRole:
    return SharingRole("Jurist", _("Juriste"))
