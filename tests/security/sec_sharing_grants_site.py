"""One site for every sharing cell: an item per state, a user per subject.

Built once for the module (a layer): a proposal in each state of the
proposal workflow, a circular in each state of the legal-text workflow and
a measure (Plone's one-state workflow), each authored by the first
association / ``MATRIX_MINISTRY``; one user per subject of the permission
matrix (``traite_portal.workflows.matrix.SUBJECTS``), local subjects holding
their role on every item; and ``TARGET``, a plain member who receives the
grants.
"""

from plone import api
from plone.app.testing import FunctionalTesting
from pytest_plone import fixtures_factory
from traite_portal.groups import association_group_id
from traite_portal.groups import ministry_editors_group_id
from traite_portal.groups import ministry_reviewers_group_id
from traite_portal.testing import PeopledSiteLayer
from traite_portal.testing import WSGI_SERVER_FIXTURE
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from traite_portal.workflows.definitions import LEGAL_TEXT_WORKFLOW
from traite_portal.workflows.definitions import ONE_STATE_WORKFLOW
from traite_portal.workflows.definitions import PROPOSAL_WORKFLOW
from traite_portal.workflows.matrix import GROUP_SUBJECTS
from traite_portal.workflows.matrix import LOCAL_SUBJECTS
from traite_portal.workflows.matrix import MATRIX_MINISTRY
from traite_portal.workflows.matrix import OTHER_MINISTRY
from traite_portal.workflows.matrix import SUBJECTS


PASSWORD = "secret-Pass-2026"
TARGET = "sharing-target"
OTHER_ASSOCIATION = "Autre association du partage"
# (workflow, portal type) of the items: every state of both review workflows.
ITEM_TYPES = (
    (PROPOSAL_WORKFLOW, "Proposal"),
    (LEGAL_TEXT_WORKFLOW, "Circular"),
    (ONE_STATE_WORKFLOW, "Measure"),
)
ITEMS = tuple(
    (workflow, portal_type, state)
    for workflow, portal_type in ITEM_TYPES
    for state in workflow.states
)


def username_for(subject: str) -> str:
    return "sharing-" + subject.lower().replace(" ", "-")


CONTAINERS = {"Proposal": "plan/ch/m", "Circular": "textes", "Measure": "plan/ch"}


def item_id(portal_type: str, state: str) -> str:
    return f"{portal_type.lower()}-{state}"


def item_path(portal_type: str, state: str) -> str:
    """The item's path from the site root."""
    return f"{CONTAINERS[portal_type]}/{item_id(portal_type, state)}"


def subject_group(subject: str) -> str | None:
    """The portal group a group subject belongs to (``None`` for the others)."""
    first = association_token(api.portal.get_registry_record(REGISTRY_RECORD)[0])
    groups = {
        "AuthoringAssociation": association_group_id(first),
        "OtherAssociation": association_group_id(association_token(OTHER_ASSOCIATION)),
        "OwnMinistryEditor": ministry_editors_group_id(MATRIX_MINISTRY),
        "OtherMinistryEditor": ministry_editors_group_id(OTHER_MINISTRY),
        "OwnMinistryReviewer": ministry_reviewers_group_id(MATRIX_MINISTRY),
        "OtherMinistryReviewer": ministry_reviewers_group_id(OTHER_MINISTRY),
    }
    return groups.get(subject)


def _create_users() -> None:
    for subject in (*SUBJECTS[1:], TARGET):  # SUBJECTS[0] is Anonymous
        username = subject if subject == TARGET else username_for(subject)
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD
        )
        if subject in GROUP_SUBJECTS:
            api.group.add_user(groupname=subject_group(subject), username=username)
        elif subject not in (*LOCAL_SUBJECTS, "Member", TARGET):
            api.user.grant_roles(username=username, roles=[subject])


def _create_items(portal) -> None:
    token = association_token(api.portal.get_registry_record(REGISTRY_RECORD)[0])
    plan = api.content.create(portal, "ActionPlan", id="plan", title="Plan")
    chapter = api.content.create(
        plan, "Chapter", id="ch", title="Chapitre", number=1, roman_number="I"
    )
    # Proposals live in a measure no ministry leads (no acquired local role).
    holder = api.content.create(chapter, "Measure", id="m", title="M", number=9)
    library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
    fields = {
        "Proposal": (holder, {"associations": [token]}),
        "Circular": (library, {"ministry": MATRIX_MINISTRY}),
        "Measure": (chapter, {"number": 1, "responsible_bodies": [MATRIX_MINISTRY]}),
    }
    for _workflow, portal_type, state in ITEMS:
        container, values = fields[portal_type]
        obj = api.content.create(
            container,
            portal_type,
            id=item_id(portal_type, state),
            title=f"{portal_type} {state}",
            safe_id=False,
            **values,
        )
        if api.content.get_state(obj) != state:
            api.content.transition(obj=obj, to_state=state)
        for subject in LOCAL_SUBJECTS:
            api.user.grant_roles(
                username=username_for(subject), obj=obj, roles=[subject]
            )
        obj.reindexObjectSecurity()


class SharingGrantsLayer(PeopledSiteLayer):
    """Built once; each granted role is revoked by the test that granted it."""

    other_association = OTHER_ASSOCIATION

    def populate(self, portal):
        _create_users()
        _create_items(portal)


SHARING_GRANTS_FIXTURE = SharingGrantsLayer()
SHARING_GRANTS_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(SHARING_GRANTS_FIXTURE, WSGI_SERVER_FIXTURE),
    name="TraitePortalSharingGrantsLayer:FunctionalTesting",
)
# Imported by the test module: the layer's pytest fixtures (``sharinggrants…``).
FIXTURES = fixtures_factory(
    ((SHARING_GRANTS_FUNCTIONAL_TESTING, "sharinggrants"),), keep_session=False
)
