"""Association groups follow the ``traite_portal.associations`` registry list.

Adding an association in the registry creates its group at once. Removing one
never deletes its group: members and local roles on past proposals are kept
until an administrator deletes the group by hand.
"""

from plone import api
from traite_portal import logger
from traite_portal.groups import ensure_groups
from traite_portal.vocabularies.associations import REGISTRY_RECORD


REQUIRED_ROLES = ("Coordinator", "Jurist", "AssociationMember")


def sync_association_groups(event) -> None:
    """Create the groups of newly listed associations."""
    record = getattr(event, "record", None)
    if record is None or getattr(record, "__name__", None) != REGISTRY_RECORD:
        return
    try:
        portal = api.portal.get()
    except api.exc.CannotGetPortalError:
        return
    if not set(REQUIRED_ROLES) <= set(portal.validRoles()):
        # Registry imported before the rolemap: post_install creates the groups.
        return
    created = ensure_groups()
    if created:
        logger.info("Association groups created: %s", ", ".join(created))
