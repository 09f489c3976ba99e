"""FRBR IRIs (Akoma Ntoso naming convention) and eIds of the portal's items.

Works are ``/akn/<country>/<document>/<subtype>/<date>/<number>``; the
number is the item's short name (for a proposal, prefixed by its plan and the
eId it answers). Chapters and measures are portions of their plan
(``<plan>/~chp_2``, ``<plan>/~measure_12``), an annex a component of it
(``<plan>/!annexes``). eIds come from numbers, never from ids or titles, so
they survive renames and moves.
"""

from Acquisition import aq_base
from Acquisition import aq_chain
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.i18n.normalizer import idnormalizer
from traite_portal.akn.kinds import DEFAULT_INTERNATIONAL
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.akn.kinds import ORGANISATION_COUNTRIES
from traite_portal.interfaces import IActionPlan
from typing import NamedTuple


LANGUAGE = "fra"


class Identity(NamedTuple):
    """Where a document sits in FRBR: its work IRI and its component suffix."""

    work: str  # FRBRuri of the work
    suffix: str  # "!main", "!annexes" (a component) or "~measure_12" (a portion)

    @property
    def work_this(self) -> str:
        return f"{self.work}/{self.suffix}"

    @property
    def expression(self) -> str:
        return f"{self.work}/{LANGUAGE}@"

    @property
    def expression_this(self) -> str:
        return f"{self.expression}/{self.suffix}"

    @property
    def manifestation(self) -> str:
        return f"{self.expression}.akn"

    @property
    def manifestation_this(self) -> str:
        return f"{self.expression}/{self.suffix}.xml"


def plan_of(obj):
    """The action plan an item belongs to, or None."""
    for item in aq_chain(aq_inner(obj)):
        if IActionPlan.providedBy(item):
            return item
    return None


def part_eid(obj) -> str:
    """``chp_<number>`` for a chapter, ``measure_<number>`` for a measure."""
    prefix = "chp" if obj.portal_type == "Chapter" else "measure"
    return f"{prefix}_{obj.number}"


def paragraph_eid(parent_eid: str, index: int) -> str:
    """The eId of the ``index``-th paragraph (from 1) of an element."""
    return f"{parent_eid}__para_{index}"


def own(obj, name: str):
    """The item's own value of a field, None when its type has no such field.

    ``getattr(obj, name, None)`` would look a missing name up by acquisition,
    in each container up to the site (a fifth of an export's time, for the
    identifiers and relations most types lack) and could answer a container's
    value for it.
    """
    return getattr(aq_base(obj), name, None)


def created_date(obj) -> str:
    """The item's creation date (YYYY-MM-DD)."""
    return obj.created().asdatetime().date().isoformat()


def work_date(obj) -> str:
    """The date of the work: its dating field, else its creation date."""
    kind = DOCUMENTS[obj.portal_type]
    value = own(obj, kind.date_field) if kind.date_field else None
    if isinstance(value, int):  # a year (GRETA reports)
        return f"{value:04d}-01-01"
    if value:
        return value.isoformat()
    return created_date(obj)


def country(obj) -> str:
    """FRBRcountry: fixed per type, or a convention's organisation."""
    fixed = DOCUMENTS[obj.portal_type].country
    if fixed:
        return fixed
    organisation = (own(obj, "organisation") or "").lower()
    for words, code in ORGANISATION_COUNTRIES:
        if words in organisation:
            return code
    return DEFAULT_INTERNATIONAL


def subtype(obj) -> str:
    """FRBRsubtype: the slug of the text's kind when it has one."""
    kind = own(obj, "text_kind")
    return idnormalizer.normalize(kind) if kind else DOCUMENTS[obj.portal_type].subtype


def _path_number(obj) -> str:
    """The item's path below the site, joined with dashes."""
    site_path = api.portal.get().getPhysicalPath()
    return "-".join(obj.getPhysicalPath()[len(site_path) :])


def number(obj) -> str:
    """FRBRnumber: the short name, made unique for proposals and libraries."""
    if obj.portal_type == "TextLibrary":
        return _path_number(obj)
    if obj.portal_type == "Proposal":
        container = aq_parent(aq_inner(obj))
        plan = plan_of(obj)
        if plan is None:
            return _path_number(obj)
        where = container.getId() if container.portal_type == "Annex" else ""
        where = where or part_eid(container)
        return f"{plan.getId()}-{where}-{obj.getId()}"
    return obj.getId()


def work_iri(obj) -> str:
    """The work IRI of an item that is a document of its own."""
    element = DOCUMENTS[obj.portal_type].element
    return (
        f"/akn/{country(obj)}/{element}/{subtype(obj)}/{work_date(obj)}/{number(obj)}"
    )


def identity(obj) -> Identity:
    """The FRBR identity of the document exported for an item."""
    plan = plan_of(obj)
    if obj.portal_type in ("Chapter", "Measure") and plan is not None:
        return Identity(work_iri(plan), f"~{part_eid(obj)}")
    if obj.portal_type == "Annex" and plan is not None:
        return Identity(work_iri(plan), f"!{obj.getId()}")
    return Identity(work_iri(obj), "!main")


def reference_iri(obj) -> str:
    """The href that points at an item from another document."""
    found = identity(obj)
    return found.work if found.suffix == "!main" else found.work_this
