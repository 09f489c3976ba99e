"""1002 → 1010: the legal search (French analysis, search indexes, synonyms).

Adds the search indexes and the synonym list, appends the French element to
the text lexicon, then rebuilds the three text indexes and fills the new ones
in one pass over the site.
"""

from plone import api
from traite_portal.search.lexicon import install_french_analysis


SEARCH_INDEXES = (
    "search_identifiers",
    "search_chapter",
    "search_measure",
    "search_instruments",
    "search_deadline_years",
    "search_library",
    "search_year",
    "search_date",
)


def rebuild_search_indexes(setup_tool) -> None:
    """French analysis in the lexicon; text and search indexes rebuilt."""
    install_french_analysis(api.portal.get_tool("portal_catalog"), SEARCH_INDEXES)
