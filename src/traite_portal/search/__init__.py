"""Legal search: French analysis, query, ranking, facets, snippets; catalog and server backends."""
