"""Rows of proposals for the workspace and the review queue (catalog based)."""

from plone import api
from traite_portal.associations.membership import association_titles


WORKFLOW_ID = "traite_proposal_workflow"


def parents_by_path(brains) -> dict[str, object]:
    """The containers (measures, chapters, plans) of the brains, by path."""
    paths = sorted({brain.getPath().rsplit("/", 1)[0] for brain in brains})
    if not paths:
        return {}
    found = api.content.find(path={"query": paths, "depth": 0})
    return {parent.getPath(): parent for parent in found}


def state_title(state: str) -> str:
    """The (French) title of a proposal workflow state."""
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById(WORKFLOW_ID)
    definition = workflow.states.get(state) if workflow is not None else None
    return definition.title if definition is not None else state


def brain_tokens(brain) -> list[str]:
    """The authoring association tokens kept as catalog metadata."""
    tokens = getattr(brain, "proposal_associations", None)
    return list(tokens) if isinstance(tokens, list | tuple) else []


def localized(date) -> str:
    return api.portal.get_localized_time(datetime=date, long_format=True)


def proposal_rows(brains) -> list[dict]:
    """Title, link, measure, authors, last change and state of each proposal."""
    brains = list(brains)
    parents = parents_by_path(brains)
    rows = []
    for brain in brains:
        parent = parents.get(brain.getPath().rsplit("/", 1)[0])
        rows.append(
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "measure_title": parent.Title if parent is not None else "",
                "measure_url": parent.getURL() if parent is not None else "",
                "associations": ", ".join(association_titles(brain_tokens(brain))),
                "modified": localized(brain.modified),
                "state": brain.review_state,
                "state_title": state_title(brain.review_state),
            }
        )
    return rows
