"""Keeping a search server's index equal to the catalog.

``outbox``: the change log's consumer ``search-indexer`` is the durable
outbox (written in the content's own transaction); ``drain`` applies its
entries to the index and acknowledges them only once the server took them.
``worker``: the loop that drains (a thread of the WSGI server, or the
``traite-search-worker`` command). ``reindex``: a full rebuild into a new
index behind the alias (no downtime). ``reconcile``: compare catalog and
index, repair the drift.
"""
