"""Legal search: French analysis, query, ranking, facets, snippets.

Backends: the catalog and a search server.
"""
