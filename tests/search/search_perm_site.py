"""The site of the search-server permission tests, and what Plone lets each
subject see of it (the expectations, computed without any search backend).

On top of ``search_people`` (an item in every state of both workflows): a
published legal text not yet in force and one already expired.
"""

from AccessControl import getSecurityManager
from AccessControl.SpecialUsers import nobody
from collections import Counter
from DateTime import DateTime
from plone import api
from search_people import build
from search_people import COMMON_WORD
from search_people import Item
from search_people import USERS
from traite_portal.search.backends.catalog.sets import document_values
from traite_portal.search.facets import FACETS
from traite_portal.search.facets import PUBLIC_STATES


# Days before (-) or after (+) today of the dated texts' effective range.
DATED = {"future": ("effective_date", 30), "expired": ("expiration_date", -30)}


def build_site(portal, create_measure):
    """``search_people``'s site and the two dated legal texts."""
    site = build(portal, create_measure)
    with api.env.adopt_roles(["Manager"]):
        for name, (attribute, days) in DATED.items():
            word = f"zorgcircular{name}"
            text = api.content.create(
                portal["textes"],
                "Circular",
                title=f"{COMMON_WORD} {word}",
                description=f"Élément {word}",
                ministry="min-justice",
            )
            api.content.transition(obj=text, to_state="published")
            setattr(text, attribute, DateTime() + days)
            text.reindexObject()
            site.items.append(Item("Circular", f"published-{name}", word, text.UID()))
    return site


def _user(portal, subject: str):
    if subject not in USERS:
        return nobody
    return portal.acl_users.getUserById(USERS[subject][0]).__of__(portal.acl_users)


def viewable(portal, subject: str) -> dict:
    """{UID: brain} of every item the subject may View now, as Plone's
    security decides it (View, and the effective range unless exempt)."""
    catalog = portal.portal_catalog
    now = DateTime()
    seen = {}
    with api.env.adopt_user(user=_user(portal, subject)):
        security = getSecurityManager()
        inactive = security.checkPermission("Access inactive portal content", portal)
        site_path = "/".join(portal.getPhysicalPath())
        for brain in catalog.unrestrictedSearchResults(path=site_path):
            obj = brain._unrestrictedGetObject()
            in_range = obj.effective() <= now <= obj.expires()
            if security.checkPermission("View", obj) and (in_range or inactive):
                seen[brain.UID] = brain
    return seen


def sees_unpublished(seen: dict) -> bool:
    """Whether some item seen is in a state Anonymous may not see."""
    return any(
        b.review_state and b.review_state not in PUBLIC_STATES for b in seen.values()
    )


def expected_answer(portal, seen: dict, uids: set, filters: dict) -> tuple:
    """(UIDs, {facet: {value: count}}) of a search among ``uids`` with
    ``filters``, computed from the catalog's index data of what is seen."""
    zcatalog = portal.portal_catalog._catalog
    values = {
        uid: {
            f.name: {
                str(v)
                for v in document_values(zcatalog.getIndex(f.index), brain.getRID())
            }
            for f in FACETS
        }
        for uid, brain in seen.items()
        if uid in uids
    }

    def selected(uid, but=None):
        return all(
            values[uid][name] & {str(v) for v in chosen}
            for name, chosen in filters.items()
            if name != but
        )

    facets = {}
    for facet in FACETS:
        if facet.restricted and not sees_unpublished(seen):
            continue
        counts = Counter(
            v
            for uid in values
            if selected(uid, facet.name)
            for v in values[uid][facet.name]
        )
        facets[facet.name] = dict(counts)
    return {uid for uid in values if selected(uid)}, facets
