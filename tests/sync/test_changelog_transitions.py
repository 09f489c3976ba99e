"""Every transition of every workflow bound to a type gives one entry.

The transitions are asked of the workflow tool, not listed by hand.
"""

from DateTime import DateTime
from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from sync_helpers import changes_since
from sync_helpers import log_of
from traite_portal.changelog.records import TRANSITION

import transaction


def bound_workflows() -> dict[str, str]:
    """Each workflow bound to a content type, with one such type.

    Content types are the Dexterity ones: comments (Discussion Item) are not
    in the log (docs/sync.md).
    """
    workflow_tool = api.portal.get_tool("portal_workflow")
    found = {}
    for fti in api.portal.get_tool("portal_types").objectValues():
        if not IDexterityFTI.providedBy(fti):
            continue
        for workflow_id in workflow_tool.getChainForPortalType(fti.getId()):
            found.setdefault(workflow_id, fti.getId())
    return found


def container_for(portal, portal_type: str, containers: list):
    types_tool = api.portal.get_tool("portal_types")
    if types_tool[portal_type].global_allow:
        return portal
    for container in containers:
        if types_tool[container.portal_type].allowType(portal_type):
            return container
    raise AssertionError(f"no container for {portal_type}")


def item_in_state(container, portal_type, workflow, state: str, number: int):
    """A new item put straight in ``state`` (as a migration would)."""
    obj = api.content.create(
        container, portal_type, id=f"i{number}", title="I", number=100 + number
    )
    api.portal.get_tool("portal_workflow").setStatusOf(
        workflow.getId(),
        obj,
        {"review_state": state, "action": None, "actor": "admin", "time": DateTime()},
    )
    workflow.updateRoleMappingsFor(obj)
    obj.reindexObject()
    transaction.commit()
    return obj


def test_every_transition_is_recorded(functional, create_measure):
    portal = functional["portal"]
    measure = create_measure(portal)
    workflow_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="lib", title="L")
        containers = [library, measure, measure.aq_parent, measure.aq_parent.aq_parent]
        expected, recorded = {}, {}
        for workflow_id, portal_type in bound_workflows().items():
            workflow = workflow_tool[workflow_id]
            for transition in workflow.transitions.objectValues():
                sources = [
                    state.getId()
                    for state in workflow.states.objectValues()
                    if transition.getId() in state.transitions
                ]
                key = (workflow_id, transition.getId(), sources[0])
                container = container_for(portal, portal_type, containers)
                obj = item_in_state(
                    container, portal_type, workflow, sources[0], len(expected)
                )
                head = log_of(portal).head
                workflow_tool.doActionFor(obj, transition.getId(), comment="Motif")
                transaction.commit()
                expected[key] = [(True, transition.new_state_id, obj.UID())]
                recorded[key] = [
                    (bool(c.kinds & TRANSITION), c.review_state, c.uid)
                    for c in changes_since(portal, head)
                ]
    assert len(expected) >= 11  # the two review workflows at least
    assert recorded == expected
