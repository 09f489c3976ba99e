"""Facet counts from index data: one set intersection per value, or each
document's values, whichever the sizes say is cheaper (both give the same
counts)."""

from BTrees.IIBTree import intersection
from traite_portal.search.backends.catalog.sets import document_values
from traite_portal.search.backends.catalog.sets import index_values
from traite_portal.search.backends.catalog.sets import values_set

import collections


# Relative costs, measured on BTrees: reading one document's values in
# Python, against one element visited by a set intersection in C.
PER_DOCUMENT_COST = 100
PER_ELEMENT_COST = 1


def _per_document_is_cheaper(index, docs, indexed: int) -> bool:
    """Whether reading the documents' values beats intersecting ``docs`` with
    each value's set (each intersection visits ``docs`` and that set; the
    sets together hold about ``indexed`` documents). Both sizes are read from
    counters: counting the index's documents would load all of it."""
    per_value = len(index) * len(docs) + indexed
    return len(docs) * PER_DOCUMENT_COST < per_value * PER_ELEMENT_COST


def selection_sets(zcatalog, facets, filters: dict) -> dict:
    """{facet name: documents having one of its selected values}."""
    selected = {}
    for facet in facets:
        values = filters.get(facet.name)
        if values:
            selected[facet.name] = values_set(zcatalog.getIndex(facet.index), values)
    return selected


def restrict(docs, selected: dict, skip: str | None = None):
    """The documents also in every selection but ``skip``'s."""
    for name, found in selected.items():
        if name != skip:
            docs = intersection(docs, found)
    return docs


def count_per_document(index, docs) -> dict:
    """{value: count} read from each document's values."""
    counts = collections.Counter()
    for docid in docs:
        counts.update(set(document_values(index, docid)))
    return dict(counts)


def count_per_value(index, docs) -> dict:
    """{value: count} by intersecting ``docs`` with each value's set."""
    counts = {}
    for value, found in index_values(index):
        size = len(intersection(docs, found))
        if size:
            counts[value] = size
    return counts


def count_values(index, docs, indexed: int) -> dict:
    """{value: number of documents of ``docs`` holding it}, zeros left out;
    ``indexed``: how many documents the catalog holds."""
    if _per_document_is_cheaper(index, docs, indexed):
        return count_per_document(index, docs)
    return count_per_value(index, docs)


def facet_counts(zcatalog, facets, docs, selected: dict) -> dict:
    """{facet name: {value: count}} over ``docs`` (already permission-filtered)."""
    return {
        facet.name: count_values(
            zcatalog.getIndex(facet.index),
            restrict(docs, selected, facet.name),
            len(zcatalog),
        )
        for facet in facets
    }
