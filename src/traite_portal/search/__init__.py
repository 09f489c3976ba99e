"""Legal search: French analysis, query, ranking, facets, snippets; backends.

Importing :mod:`.lexicon` registers the French lexicon element with
ZCTextIndex, which GenericSetup needs to export a catalog that uses it.
"""

from traite_portal.search import lexicon  # noqa: F401
