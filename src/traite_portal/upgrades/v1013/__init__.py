"""1010 → 1013: the search server's settings (registry records).

The records ``traite_portal.search.server.*`` (URL, engine, index prefix,
timeout) are added empty: the catalog keeps serving until a server is set.
"""
