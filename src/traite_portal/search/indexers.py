"""Catalog indexes of the legal search: identifiers, plan position, dates.

Facets count documents straight from these indexes (no object is woken at
query time), so each facet value an item has is indexed here.
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from datetime import date
from plone.indexer import indexer
from Products.CMFCore.interfaces import ISiteRoot
from traite_portal.interfaces import IActionPlan
from traite_portal.interfaces import IChapter
from traite_portal.interfaces import ILegalText
from traite_portal.interfaces import IMeasure
from traite_portal.interfaces import IProposal
from traite_portal.interfaces import ITextLibrary
from traite_portal.interfaces import ITraiteContent
from traite_portal.search.identifiers.content import identifier_keys


LEGAL_DATE_FIELDS = (
    "adoption_date",
    "document_date",
    "jo_date",
    "signature_date",
    "judgment_date",
)


def _ancestors(obj):
    """The item and its containers up to (not including) the site."""
    for item in aq_chain(aq_inner(obj)):
        if ISiteRoot.providedBy(item):
            return
        yield item


def _non_empty(values: list):
    # plone.indexer: raising AttributeError leaves the item out of the index.
    if not values:
        raise AttributeError("no value")
    return values


def item_date(obj) -> date | None:
    """The date a jurist sorts by: the text's own date, the plan's adoption
    date for the plan's parts, the creation date of a proposal."""
    for name in LEGAL_DATE_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, date):
            return value
    year = getattr(obj, "report_year", None)
    if year:
        return date(int(year), 1, 1)
    if IProposal.providedBy(obj):
        return obj.created().asdatetime().date()
    for item in _ancestors(obj):
        if IActionPlan.providedBy(item) and isinstance(item.adoption_date, date):
            return item.adoption_date
    return None


@indexer(ITraiteContent)
def search_identifiers(obj):
    """Identifier keys (``measure:7``, ``celex:32011L0036``…)."""
    return _non_empty(identifier_keys(obj))


@indexer(ITraiteContent)
def search_chapter(obj):
    """Numbers of the chapters the item belongs to (itself included)."""
    return _non_empty(
        [i.number for i in _ancestors(obj) if IChapter.providedBy(i) and i.number]
    )


@indexer(ITraiteContent)
def search_measure(obj):
    """Numbers of the measures the item belongs to or implements."""
    numbers = [i.number for i in _ancestors(obj) if IMeasure.providedBy(i)]
    for relation in getattr(obj, "implements", None) or []:
        target = relation.to_object
        if IMeasure.providedBy(target):
            numbers.append(target.number)
    return _non_empty(sorted({n for n in numbers if n}))


@indexer(IMeasure)
def search_instruments(obj):
    """Instrument tokens of a measure."""
    return _non_empty(list(obj.instruments or []))


@indexer(IMeasure)
def search_deadline_years(obj):
    """Every year of a measure's deadline span."""
    start, end = obj.deadline_start, obj.deadline_end or obj.deadline_start
    return _non_empty(list(range(start, end + 1)) if start else [])


@indexer(ILegalText)
def search_library(obj):
    """Id of the library holding the legal text."""
    for item in _ancestors(obj):
        if ITextLibrary.providedBy(item):
            return item.getId()
    raise AttributeError("search_library")


@indexer(ITraiteContent)
def search_year(obj):
    """Year of :func:`item_date`."""
    value = item_date(obj)
    if value is None:
        raise AttributeError("search_year")
    return value.year


@indexer(ITraiteContent)
def search_date(obj):
    """:func:`item_date` as an integer YYYYMMDD, for sorting."""
    value = item_date(obj)
    if value is None:
        raise AttributeError("search_date")
    return value.year * 10000 + value.month * 100 + value.day
