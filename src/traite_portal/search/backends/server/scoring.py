"""Text scores as the catalog computes them: ZCTextIndex's Okapi BM25.

Lucene's BM25 ranks near-ties otherwise than the catalog: its idf is
ln(1 + (N − n + ½)/(n + ½)) where ZCTextIndex's is ln(1 + N/n)
(``BaseIndex.inverse_doc_frequency``), which weighs common words apart. A
server that runs Painless scripts (OpenSearch, whose ``analysis-common``
extends ``lang-painless``) scores text fields with a scripted similarity
that is the catalog's formula, with its own ``K1`` and ``B``. Field lengths
stay Lucene's (one byte, lossy), so near-ties may still swap: the server's
order only picks the candidates that ``rerank.py`` orders as the catalog.
"""

from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from traite_portal.search.backends.server.engines import ServerError


SIMILARITY = "traite_okapi"
SCRIPTED_SCORING = "okapi"
LUCENE_SCORING = "bm25"


def okapi_similarity() -> dict:
    """``settings.similarity`` entry: idf once per term, then tf per document."""
    k1, b = OkapiIndex.K1, OkapiIndex.B
    return {
        "type": "scripted",
        "weight_script": {
            "source": "return query.boost * Math.log(1.0 + "
            "(double) field.docCount / term.docFreq);"
        },
        "script": {
            "source": "double mean = (double) field.sumTotalTermFreq / "
            f"field.docCount; double lengths = {1 - b} + {b} * doc.length / mean; "
            f"return weight * doc.freq * {k1 + 1} / (doc.freq + {k1} * lengths);"
        },
    }


def server_runs_scripts(engine) -> bool:
    """Whether the server has Painless (Elasticsearch's test build has not)."""
    try:
        engine.call("scripts_painless_execute", body={"script": {"source": "1"}})
    except ServerError:
        return False
    return True
