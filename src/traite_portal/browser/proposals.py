"""The proposals shown on a measure, chapter or annex page, with their facts."""

from plone import api
from traite_portal.vocabularies.associations import associations
from traite_portal.vocabularies.controlled import PROPOSAL_KINDS
from zope.i18n import translate


def _version_count(obj) -> int:
    repository = api.portal.get_tool("portal_repository")
    try:
        metadata = repository.getHistoryMetadata(obj)
    except Exception:  # noqa: BLE001 - no history is no versions, whatever the cause
        return 0
    return metadata.getLength(countPurged=False) if metadata else 0


def _state_title(obj, request) -> str:
    workflow = api.portal.get_tool("portal_workflow")
    state = api.content.get_state(obj, default="")
    title = workflow.getTitleForStateOnType(state, obj.portal_type) or state
    return translate(title, domain="plone", context=request)


def proposals_of(container, request) -> list[dict]:
    """The container's proposals the user may see, in their order of id number."""
    names = {term.value: term.title for term in associations()}
    kinds = {t: translate(title, context=request) for t, title in PROPOSAL_KINDS}
    items = []
    for brain in api.content.find(context=container, portal_type="Proposal", depth=1):
        obj = brain.getObject()
        items.append(
            {
                "id": obj.getId(),
                "title": obj.Title(),
                "url": obj.absolute_url(),
                "associations": [names.get(a, a) for a in obj.associations or []],
                "kind": kinds.get(obj.kind, obj.kind or ""),
                "state": _state_title(obj, request),
                "review_state": brain.review_state,
                "versions": _version_count(obj),
                "text": obj.text.output if obj.text else "",
                "target": obj.target_paragraph or "",
            }
        )
    return sorted(items, key=_natural)


def _natural(item: dict) -> tuple:
    prefix, _sep, number = item["id"].rpartition("-")
    return (prefix, int(number)) if number.isdigit() else (item["id"], 0)
