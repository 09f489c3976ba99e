"""Two associations with a member each, a coordinator and a measure, committed."""

from plone import api
from sync_helpers import ASSOCIATION_A
from sync_helpers import ASSOCIATION_B
from sync_helpers import create_user
from sync_helpers import SyncSite
from sync_helpers import TOKEN_A
from sync_helpers import TOKEN_B
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.vocabularies.associations import REGISTRY_RECORD

import pytest
import transaction


@pytest.fixture
def sync_site(functional, create_measure) -> SyncSite:
    """alice writes for association A, bruno for B, carole coordinates."""
    portal = functional["portal"]
    api.portal.set_registry_record(REGISTRY_RECORD, [ASSOCIATION_A, ASSOCIATION_B])
    with api.env.adopt_roles(["Manager"]):
        create_user("alice", [association_group_id(TOKEN_A)])
        create_user("bruno", [association_group_id(TOKEN_B)])
        create_user("carole", [COORDINATORS])
    measure = create_measure(portal)
    transaction.commit()
    return SyncSite(portal, measure)
