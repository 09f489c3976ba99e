"""1002 → 1009: readable titles, the portal's pages, logo and styles.

Existing sites got the source's capitals as chapter and measure titles and a
proposal's first sentence as its title; the step rewrites them as a new import
would, without touching what users added.
"""

from plone import api
from traite_portal.corpus.loader import PROPOSAL_PREFIX
from traite_portal.corpus.loader import proposal_title
from traite_portal.corpus.titles import CHAPTER_TITLES
from traite_portal.corpus.titles import MEASURE_TITLES
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


TABLES = {"Chapter": CHAPTER_TITLES, "Measure": MEASURE_TITLES}


def _retitle(obj, table: dict) -> bool:
    entry = table.get(obj.number)
    # Only the corpus's own wording is replaced: a title an editor changed stays.
    if entry is None or obj.title not in entry:
        return False
    source, readable = entry
    changed = obj.title != readable or getattr(obj, "source_title", None) != source
    obj.title = readable
    obj.source_title = source
    return changed


def _retitle_proposals(container) -> int:
    count = 0
    for proposal_id in container.objectIds():
        if not proposal_id.startswith(PROPOSAL_PREFIX):
            continue
        suffix = proposal_id[len(PROPOSAL_PREFIX) :]
        if not suffix.isdigit():
            continue
        proposal = container[proposal_id]
        title = proposal_title(int(suffix), container)
        if proposal.title == title:
            continue
        # The old title was the proposal's first words: they become its summary.
        proposal.description = proposal.description or proposal.title
        proposal.title = title
        notify(ObjectModifiedEvent(proposal))
        count += 1
    return count


def readable_titles(setup_tool) -> None:
    """Chapters and measures in sentence case; proposals named by their place."""
    for brain in api.content.find(
        portal_type=["Chapter", "Measure", "Annex"], unrestricted=True
    ):
        obj = brain._unrestrictedGetObject()
        table = TABLES.get(obj.portal_type)
        if table is not None and _retitle(obj, table):
            notify(ObjectModifiedEvent(obj))
        _retitle_proposals(obj)


def index_legal_dates(setup_tool) -> None:
    """Fill the new ``legal_date`` index and metadata of the existing texts."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        object_provides="traite_portal.interfaces.ILegalText"
    ):
        brain._unrestrictedGetObject().reindexObject(
            idxs=["legal_date", "legal_identifiers"]
        )
