"""A site holding one item per (content type, state) and one user per role.

The matrix layer is built once; the in-process cells read it through an
integration layer, the HTTP cells and the leak tests through a functional
layer serving it over a real WSGI server.
"""

from matrix_http import COMMON_WORD
from matrix_http import HIDDEN_PARENT_WORD
from matrix_http import PASSWORD
from matrix_http import unique_word
from matrix_http import username_for
from plone import api
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.base.interfaces.syndication import IFeedSettings
from pytest_plone import fixtures_factory
from traite_portal.groups import association_group_id
from traite_portal.groups import ministry_editors_group_id
from traite_portal.groups import ministry_reviewers_group_id
from traite_portal.testing import create_private_folder
from traite_portal.testing import PeopledSiteLayer
from traite_portal.testing import WSGI_SERVER_FIXTURE
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from traite_portal.workflows.matrix import GROUP_SUBJECTS
from traite_portal.workflows.matrix import LOCAL_SUBJECTS
from traite_portal.workflows.matrix import MATRIX_MINISTRY
from traite_portal.workflows.matrix import MINISTRY_TYPES
from traite_portal.workflows.matrix import OTHER_MINISTRY
from traite_portal.workflows.matrix import SUBJECTS
from traite_portal.workflows.matrix import WORKFLOWS

import pytest


def create_item(portal, portal_type: str, item_id: str | None = None):
    """A new item of the type (as Manager), in a container that allows it."""
    with api.env.adopt_roles(["Manager"]):
        if portal_type == "Proposal":
            plan = api.content.create(portal, "ActionPlan", title="Plan")
            chapter = api.content.create(
                plan, "Chapter", title="Chapitre", number=1, roman_number="I"
            )
            container = api.content.create(chapter, "Measure", title="M", number=1)
        else:
            container = api.content.create(portal, "TextLibrary", title="Textes")
        return api.content.create(
            container, portal_type, id=item_id, title="Élément", safe_id=False
        )


OTHER_ASSOCIATION = "Autre association de la matrice"


def matrix_association_token() -> str:
    """The authoring association of every matrix proposal (the registry's first)."""
    names = api.portal.get_registry_record(REGISTRY_RECORD)
    return association_token(names[0])


def subject_groups() -> dict[str, str]:
    """The group each group subject belongs to."""
    return {
        "AuthoringAssociation": association_group_id(matrix_association_token()),
        "OtherAssociation": association_group_id(association_token(OTHER_ASSOCIATION)),
        "OwnMinistryEditor": ministry_editors_group_id(MATRIX_MINISTRY),
        "OtherMinistryEditor": ministry_editors_group_id(OTHER_MINISTRY),
        "OwnMinistryReviewer": ministry_reviewers_group_id(MATRIX_MINISTRY),
        "OtherMinistryReviewer": ministry_reviewers_group_id(OTHER_MINISTRY),
    }


def create_subject(role: str):
    """A user holding the role: globally, through a group, or (local) per item."""
    user = api.user.create(
        email=f"{username_for(role)}@example.org",
        username=username_for(role),
        password=PASSWORD,
        roles=["Member"],
    )
    if role in GROUP_SUBJECTS:
        api.group.add_user(groupname=subject_groups()[role], user=user)
    elif role not in LOCAL_SUBJECTS | {"Member"}:
        api.user.grant_roles(user=user, roles=[role])
    return user


def authorship(portal_type: str) -> dict:
    """The fields that tie a matrix item to an association or a ministry."""
    if portal_type == "Proposal":
        return {"associations": [matrix_association_token()]}
    if portal_type in MINISTRY_TYPES:
        return {"ministry": MATRIX_MINISTRY}
    if portal_type == "Measure":
        return {"number": 2, "responsible_bodies": [MATRIX_MINISTRY]}
    if portal_type == "Chapter":
        return {"number": 2, "roman_number": "II"}
    return {}


def _containers(portal):
    """The measure holding every proposal and the library of every legal text."""
    plan = api.content.create(portal, "ActionPlan", id="plan", title="Plan")
    chapter = api.content.create(
        plan, "Chapter", id="ch", title="Chapitre", number=1, roman_number="I"
    )
    measure = api.content.create(chapter, "Measure", id="m", title="M", number=1)
    library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
    for container in (measure, library):
        feed = IFeedSettings(container)
        feed.enabled = True
        feed.max_items = 100
    containers = {
        "Proposal": measure,
        "ActionPlan": portal,
        "TextLibrary": portal,
        "Chapter": plan,
        "Annex": plan,
        "Measure": chapter,
    }
    return containers, library


def _hidden_parent(portal):
    """A private folder > public library > published circular (breadcrumbs)."""
    create_private_folder(portal, f"Dossier {HIDDEN_PARENT_WORD}")


class MatrixLayer(PeopledSiteLayer):
    """Built once: the matrix then only reads, which keeps 5,000 cells fast."""

    other_association = OTHER_ASSOCIATION

    def populate(self, portal):
        for role in SUBJECTS:
            if role != "Anonymous":
                create_subject(role)
        containers, library = _containers(portal)
        items = {}
        for workflow in WORKFLOWS:
            for portal_type in workflow.types:
                container = containers.get(portal_type, library)
                for state in workflow.states:
                    word = unique_word(portal_type, state)
                    obj = api.content.create(
                        container,
                        portal_type,
                        id=f"{portal_type}-{state}",
                        title=f"Élément {word}",
                        description=f"Résumé {word} {COMMON_WORD}",
                        safe_id=False,
                        **authorship(portal_type),
                    )
                    if api.content.get_state(obj) != state:
                        api.content.transition(obj=obj, to_state=state)
                    for role in LOCAL_SUBJECTS:
                        api.user.grant_roles(
                            username=username_for(role), obj=obj, roles=[role]
                        )
                    items[portal_type, state] = obj
        # A public proposal citing a draft and a published circular.
        for state in ("draft", "published"):
            api.relation.create(
                source=items["Proposal", "validated"],
                target=items["Circular", state],
                relationship="cites",
            )
        _hidden_parent(portal)
        # plone.api's grant_roles(obj=…) sets local roles without reindexing
        # security (the sharing tab does): index every item once, at the end.
        for obj in items.values():
            obj.reindexObject()


MATRIX_FIXTURE = MatrixLayer()
MATRIX_INTEGRATION_TESTING = IntegrationTesting(
    bases=(MATRIX_FIXTURE,),
    name="TraitePortalMatrixLayer:IntegrationTesting",
)
MATRIX_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(MATRIX_FIXTURE, WSGI_SERVER_FIXTURE),
    name="TraitePortalMatrixLayer:FunctionalTesting",
)

globals().update(
    fixtures_factory(
        (
            (MATRIX_INTEGRATION_TESTING, "matrix"),
            (MATRIX_FUNCTIONAL_TESTING, "matrixhttp"),
        ),
        # Not kept for the session: the matrix site would stay stacked on the
        # base layer and its content would show in other folders' tests.
        keep_session=False,
    )
)


@pytest.fixture
def matrix_item(matrix):
    """The layer's item of a content type in a state."""
    portal = matrix["portal"]

    def _get(portal_type: str, state: str):
        (brain,) = api.content.find(
            context=portal, id=f"{portal_type}-{state}", unrestricted=True
        )
        return brain._unrestrictedGetObject()

    return _get


@pytest.fixture(scope="class")
def served_portal(matrixhttp_class):
    """The matrix site served over HTTP, for one test class (read only)."""
    matrixhttp_class.testSetUp()
    try:
        yield matrixhttp_class["portal"]
    finally:
        matrixhttp_class.testTearDown()


@pytest.fixture
def new_item(integration):
    """A factory of new items on the plain integration site."""
    return lambda portal_type: create_item(integration["portal"], portal_type)
