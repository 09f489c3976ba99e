"""An index built by an older mapping (``mapping.SCHEMA_VERSION``, bumped when
the analysis or the mapping changes) is rebuilt by the indexer's next pass,
behind the same alias, with every item: no upgrade step, no manual reindex."""

from search_servers import ENGINES
from search_servers import index_site
from search_servers import require
from search_servers import use
from traite_portal.changelog import consumers
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.backends.server.mapping import index_body
from traite_portal.search.backends.server.mapping import SCHEMA_VERSION
from traite_portal.search.indexing import worker
from traite_portal.search.indexing.reindex import swap_alias
from traite_portal.search.indexing.target import target_for
from zope.component.hooks import setSite

import pytest
import transaction


@pytest.mark.parametrize("engine", ENGINES)
def test_older_index_is_rebuilt_by_the_indexer(corpus_functional, engine, monkeypatch):
    portal = corpus_functional["portal"]
    settings = require(engine)
    index_site(portal, settings)
    use(monkeypatch, settings)
    target = target_for(portal, settings)
    analysis = target.current_analysis()
    older = index_body(analysis)
    older["mappings"]["_meta"]["schema"] = SCHEMA_VERSION - 1
    target.engine.create_index(f"{target.alias}-older", older)
    swap_alias(target, f"{target.alias}-older")
    assert target.needs_rebuild()

    try:
        done = worker.Worker(portal._p_jar.db(), {portal.getId()}).run_once()
    finally:
        setSite(portal)  # the pass leaves this thread without a site
    assert done >= 0

    (rebuilt,) = target.engine.alias_indices(target.alias)
    assert rebuilt != f"{target.alias}-older"
    assert target.engine.indices(f"{target.alias}-older") == []
    meta = target.meta()
    transaction.begin()
    log_id = consumers.log_of(portal).log_id
    assert meta == index_body(analysis, meta["scoring"], log_id)["mappings"]["_meta"]
    catalog = portal.portal_catalog
    target.engine.refresh(target.alias)
    items = len(list(indexable_brains(catalog)))
    assert target.engine.count(target.alias, {"match_all": {}}) == items > 0
