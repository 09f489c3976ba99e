"""Find the portal item an Akoma Ntoso href names (as the current user sees it).

Works are found by their number (the short name) and type, then checked
against their full IRI; ``<plan>/~chp_2`` and ``<plan>/~measure_12`` by
number inside the plan, ``<plan>/!annexes`` by id.
"""

from plone import api
from traite_portal.akn import iri
from traite_portal.akn.kinds import DOCUMENTS


PART_TYPES = {"chp": "Chapter", "measure": "Measure"}


def find_work(href: str, portal_types=None):
    """The item whose work IRI is ``href``, or None."""
    segments = href.strip("/").split("/")
    if len(segments) < 6 or segments[0] != "akn":
        return None
    types = [
        name
        for name, kind in DOCUMENTS.items()
        if kind.element == segments[2]
        and (portal_types is None or name in portal_types)
    ]
    if not types:
        return None
    found = [
        brain.getObject()
        for brain in api.content.find(portal_type=types, getId=segments[-1])
    ]
    exact = [obj for obj in found if iri.work_iri(obj) == href]
    if exact:
        return exact[0]
    return found[0] if len(found) == 1 else None


def find_part(plan, eid: str):
    """The chapter or measure of a plan with that eId (``chp_2``, ``measure_12``)."""
    prefix, _sep, number = eid.partition("_")
    if prefix not in PART_TYPES or not number.isdigit():
        return None
    for brain in api.content.find(context=plan, portal_type=PART_TYPES[prefix]):
        obj = brain.getObject()
        if obj.number == int(number):
            return obj
    return None


def find_item(href: str):
    """The item an href names: a work, a part of a plan, an annex; or None."""
    if "/~" in href:
        work, eid = href.split("/~", 1)
        plan = find_work(work, ("ActionPlan",))
        return find_part(plan, eid) if plan is not None else None
    if "/!" in href:
        work, component = href.split("/!", 1)
        plan = find_work(work, ("ActionPlan",))
        if plan is None or component == "main":
            return plan
        annex = plan.get(component)
        return annex if annex is not None and annex.portal_type == "Annex" else None
    return find_work(href)
