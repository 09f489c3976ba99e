"""A site holding one item per (content type, state) and one user per role."""

from plone import api
from plone.app.testing import IntegrationTesting
from plone.app.testing import login
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from pytest_plone import fixtures_factory
from traite_portal.testing import FIXTURE
from traite_portal.workflows.matrix import LOCAL_SUBJECTS
from traite_portal.workflows.matrix import SUBJECTS
from traite_portal.workflows.matrix import WORKFLOWS

import pytest


PASSWORD = "secret-Pass-2026"


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


def username_for(role: str) -> str:
    return role.lower().replace(" ", "-")


def create_subject(role: str):
    """A user holding the role globally (local roles are granted per item)."""
    user = api.user.create(
        email=f"{username_for(role)}@example.org",
        username=username_for(role),
        password=PASSWORD,
        roles=["Member"],
    )
    if role not in LOCAL_SUBJECTS | {"Member"}:
        api.user.grant_roles(user=user, roles=[role])
    return user


class MatrixLayer(PloneSandboxLayer):
    """Built once: the matrix then only reads, which keeps 2,800 cells fast."""

    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        login(portal, TEST_USER_NAME)
        for role in SUBJECTS:
            if role != "Anonymous":
                create_subject(role)
        for workflow in WORKFLOWS:
            for portal_type in workflow.types:
                for state in workflow.states:
                    obj = create_item(portal, portal_type, f"{portal_type}-{state}")
                    api.content.transition(obj=obj, to_state=state)
                    for role in LOCAL_SUBJECTS:
                        api.user.grant_roles(
                            username=username_for(role), obj=obj, roles=[role]
                        )
        setRoles(portal, TEST_USER_ID, ["Member"])


MATRIX_FIXTURE = MatrixLayer()
MATRIX_INTEGRATION_TESTING = IntegrationTesting(
    bases=(MATRIX_FIXTURE,),
    name="TraitePortalMatrixLayer:IntegrationTesting",
)

globals().update(fixtures_factory(((MATRIX_INTEGRATION_TESTING, "matrix"),)))


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


@pytest.fixture
def new_item(integration):
    """A factory of new items on the plain integration site."""
    return lambda portal_type: create_item(integration["portal"], portal_type)
