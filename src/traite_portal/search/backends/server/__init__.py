"""The search-server backend: OpenSearch 2.x or Elasticsearch 8.x.

``settings`` says which server (if any) serves the site, ``engines`` wraps
the two official clients behind one small interface, ``mapping`` builds the
index (with the server's French analysis, or the portal's when the server
lacks it), ``documents`` turns an item into an index document, ``query``
turns a :class:`~traite_portal.search.backends.base.SearchRequest` into a
search body and ``backend`` runs it.
"""
