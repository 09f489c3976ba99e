"""Roles, bindings, the mandatory comment and the importer's publish()."""

from AccessControl.SpecialUsers import nobody
from plone import api
from plone.app.workflow.interfaces import ISharingPageRole
from traite_portal.corpus.content import publish
from traite_portal.workflows.definitions import LEGAL_TEXT_WORKFLOW
from traite_portal.workflows.definitions import PROPOSAL_WORKFLOW
from traite_portal.workflows.guards import MissingCommentError
from traite_portal.workflows.model import CUSTOM_ROLES
from zope.component import queryUtility

import pytest


STRUCTURE_TYPES = ("ActionPlan", "Chapter", "Measure", "Annex", "TextLibrary")


class TestRoles:
    @pytest.mark.parametrize("role", CUSTOM_ROLES)
    def test_role_exists(self, portal, role):
        assert role in portal.validRoles()

    @pytest.mark.parametrize("role", CUSTOM_ROLES)
    def test_role_in_sharing_tab(self, portal, role):  # the layer registers them
        assert queryUtility(ISharingPageRole, name=role) is not None


class TestBindings:
    @pytest.mark.parametrize(
        ("portal_type", "workflow_id"),
        [(t, PROPOSAL_WORKFLOW.id) for t in PROPOSAL_WORKFLOW.types]
        + [(t, LEGAL_TEXT_WORKFLOW.id) for t in LEGAL_TEXT_WORKFLOW.types]
        + [(t, "one_state_workflow") for t in STRUCTURE_TYPES],
    )
    def test_chain(self, portal, portal_type, workflow_id):
        chain = api.portal.get_tool("portal_workflow").getChainForPortalType(
            portal_type
        )
        assert chain == (workflow_id,)

    @pytest.mark.parametrize("workflow", [PROPOSAL_WORKFLOW, LEGAL_TEXT_WORKFLOW])
    def test_states_and_transitions_match_matrix(self, portal, workflow):
        definition = api.portal.get_tool("portal_workflow")[workflow.id]
        assert definition.initial_state == workflow.initial
        assert set(definition.states.objectIds()) == set(workflow.states)
        assert set(definition.transitions.objectIds()) == set(workflow.transitions)
        for state_id, state in workflow.states.items():
            assert definition.states[state_id].title == state.title
        for transition_id, transition in workflow.transitions.items():
            assert definition.transitions[transition_id].new_state_id == (
                transition.target
            )


class TestGuardPermissions:
    @pytest.mark.parametrize("workflow", [PROPOSAL_WORKFLOW, LEGAL_TEXT_WORKFLOW])
    def test_state_grants_guard_to_transition_roles_only(self, portal, workflow):
        definition = api.portal.get_tool("portal_workflow")[workflow.id]
        for state_id in workflow.states:
            granted = definition.states[state_id].permission_roles
            for transition in workflow.transitions.values():
                if state_id in transition.sources:
                    roles = set(granted[transition.permission])
                    assert roles == set(transition.roles), (state_id, transition)


class TestReturnToDraft:
    @pytest.fixture
    def submitted(self, new_item):
        proposal = new_item("Proposal")
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=proposal, to_state="submitted")
        return proposal

    @pytest.mark.parametrize("comment", [None, "", "   "])
    def test_comment_is_mandatory(self, submitted, comment):
        workflow = api.portal.get_tool("portal_workflow")
        kwargs = {} if comment is None else {"comment": comment}
        with api.env.adopt_roles(["Manager"]), pytest.raises(MissingCommentError):
            workflow.doActionFor(submitted, "return_to_draft", **kwargs)
        assert api.content.get_state(submitted) == "submitted"

    def test_comment_is_kept_in_history(self, submitted):
        with api.env.adopt_roles(["Coordinator"]):
            api.content.transition(
                obj=submitted, transition="return_to_draft", comment="Préciser."
            )
        assert api.content.get_state(submitted) == "draft"
        history = submitted.workflow_history[PROPOSAL_WORKFLOW.id]
        assert history[-1]["comments"] == "Préciser."

    def test_other_transitions_need_no_comment(self, submitted):
        with api.env.adopt_roles(["Coordinator"]):
            api.content.transition(obj=submitted, transition="validate")
        assert api.content.get_state(submitted) == "validated"


class TestImporterPublish:
    @pytest.mark.parametrize(
        ("portal_type", "public_state"),
        [("Proposal", "validated")]
        + [(t, "published") for t in LEGAL_TEXT_WORKFLOW.types],
    )
    def test_brings_to_public_state(self, new_item, portal_type, public_state):
        obj = new_item(portal_type)
        with api.env.adopt_roles(["Manager"]):
            publish(obj)
            assert api.content.get_state(obj) == public_state
            publish(obj)  # idempotent
        assert api.content.get_state(obj) == public_state

    def test_repealed_text_stays_repealed(self, new_item):
        circular = new_item("Circular")
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=circular, to_state="repealed")
            publish(circular)
        assert api.content.get_state(circular) == "repealed"

    def test_one_state_workflow_untouched(self, portal):
        with api.env.adopt_roles(["Manager"]):
            library = api.content.create(portal, "TextLibrary", title="Textes")
            publish(library)
        assert api.content.get_state(library) == "published"

    def test_anonymous_sees_only_once_published(self, new_item):
        text = new_item("NationalText")
        with api.env.adopt_user(user=nobody):
            assert not api.user.has_permission("View", obj=text)
        with api.env.adopt_roles(["Manager"]):
            publish(text)
        with api.env.adopt_user(user=nobody):
            assert api.user.has_permission("View", obj=text)
