"""Users of the notification tests: ids, groups and password."""

from plone import api
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import JURISTS
from traite_portal.groups import ministry_editors_group_id
from traite_portal.groups import ministry_reviewers_group_id
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD


PASSWORD = "secret-Pass-2026"
OTHER_ASSOCIATION = "Association du Nord"
MINISTRY = "min-justice"


def author_token() -> str:
    return association_token(api.portal.get_registry_record(REGISTRY_RECORD)[0])


def people_groups() -> dict[str, str]:
    """user id -> the group it joins."""
    return {
        "coord1": COORDINATORS,
        "coord2": COORDINATORS,
        "auteur": association_group_id(author_token()),
        "coauteur": association_group_id(author_token()),
        "autre": association_group_id(association_token(OTHER_ASSOCIATION)),
        "juriste": JURISTS,
        "redacteur": ministry_editors_group_id(MINISTRY),
        "relecteur": ministry_reviewers_group_id(MINISTRY),
    }
