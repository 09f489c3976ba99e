"""Users in the real groups and a proposal of the first association."""

from discussion_client import Client
from discussion_client import PASSWORD
from plone import api
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ensure_groups
from traite_portal.groups import JURISTS
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD

import pytest
import transaction


OTHER_ASSOCIATION = "Association du Nord"


def people_groups(author_token: str) -> dict[str, str | None]:
    """user id -> the group it joins (None: a plain member)."""
    return {
        "coord": COORDINATORS,
        "auteur": association_group_id(author_token),
        "coauteur": association_group_id(author_token),
        "autre": association_group_id(association_token(OTHER_ASSOCIATION)),
        "juriste": JURISTS,
        "membre": None,
    }


@pytest.fixture
def proposal(functional, create_measure):
    """A draft proposal by ``auteur`` for the first association, users created."""
    portal = functional["portal"]
    names = api.portal.get_registry_record(REGISTRY_RECORD)
    api.portal.set_registry_record(REGISTRY_RECORD, [*names, OTHER_ASSOCIATION])
    token = association_token(names[0])
    with api.env.adopt_roles(["Manager"]):
        ensure_groups()
        for user_id, group_id in people_groups(token).items():
            api.user.create(
                email=f"{user_id}@example.org",
                username=user_id,
                password=PASSWORD,
                roles=["Member"],
            )
            if group_id:
                api.group.add_user(groupname=group_id, username=user_id)
    measure = create_measure(portal)
    with api.env.adopt_user(username="auteur"):
        proposal = api.content.create(
            measure,
            "Proposal",
            id="proposition",
            title="Protéger les mineurs isolés",
            associations=[token],
        )
    transaction.commit()
    return proposal


@pytest.fixture
def as_user():
    return Client
