"""The index: its French analysis chain, its fields, and how it was built.

With the server's analysis module (OpenSearch's ``analysis-common``), text is
analysed by the server through a chain built from the portal's own tables —
words split as the catalog splits them and French stop words removed before
the standard tokenizer (``char_filters.py``: elided articles go as stop
words, and no position gaps), lowercase, ASCII folding, the protected words,
the Snowball French stemmer and the word families — so that the server's
tokens and positions are the catalog's. Without it (Elasticsearch's test
build has no ``french``, elision, stemmer or folding), the portal analyses
text itself (:func:`traite_portal.search.analysis.analyse_text`) and the
server indexes those tokens with its ``whitespace`` analyzer. The index's
``_meta`` says which, so that searches are analysed the same way.
"""

from traite_portal.search.analysis.families import PROTECTED_WORDS
from traite_portal.search.analysis.french import analyse_word
from traite_portal.search.analysis.french import family_stems
from traite_portal.search.analysis.french import fold
from traite_portal.search.analysis.stopwords import STOP_WORDS
from traite_portal.search.backends.server.char_filters import char_filters
from traite_portal.search.backends.server.scoring import LUCENE_SCORING
from traite_portal.search.backends.server.scoring import okapi_similarity
from traite_portal.search.backends.server.scoring import SCRIPTED_SCORING
from traite_portal.search.backends.server.scoring import SIMILARITY
from traite_portal.search.facets import FACETS


# Words that the server's Snowball (an older release of the French stemmer)
# stems otherwise than the portal's: given the portal's stem. The corpus's
# whole vocabulary is checked (tests/search/test_search_backend_analysis.py).
STEMMED_APART = (
    "française",
    "françaises",
    "japonaise",
    "japonaises",
    "polonaise",
    "polonaises",
    "irlandaise",
    "irlandaises",
    "lyonnaise",
    "marseillaise",
    "mauvais",
    "niais",
)

# Bump when the mapping or the analysis changes: the worker then rebuilds.
# 2: words split and stop words removed before the tokenizer, as the catalog
# does (no position gaps); the catalog's Okapi scoring where scripts run.
SCHEMA_VERSION = 2
SERVER_ANALYSIS = "server"
PORTAL_ANALYSIS = "portal"
TEXT_FIELDS = ("SearchableText", "Title", "Description")
ANALYZER = "traite_french"
KEYWORD_FIELDS = (
    "UID",
    "path",
    "paths",
    "portal_type",
    "review_state",
    "allowedRolesAndUsers",
    "search_identifiers",
)
DATE_FIELDS = ("modified", "effective", "expires")
INTEGER_FIELDS = ("search_date",)


def _families() -> dict[str, list[str]]:
    """{target stem: other stems} as the portal's analysis maps them."""
    targets = {}
    for stem, target in family_stems().items():
        if stem != target:
            targets.setdefault(target, []).append(stem)
    return {target: sorted(stems) for target, stems in targets.items()}


def french_filters() -> dict:
    """The token filters of the server-side chain, from the portal's tables."""
    filters = {
        # Stop words are gone before the tokenizer (``char_filters``): this
        # only catches one written in letters that fold otherwise.
        "traite_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
        "traite_protected": {
            "type": "stemmer_override",
            "rules": [
                f"{', '.join(sorted({fold(w) for w in words}))} => {token}"
                for token, words in PROTECTED_WORDS.items()
            ]
            + [f"{fold(word)} => {analyse_word(word)}" for word in STEMMED_APART],
        },
        # As the portal: numbers, identifiers and words under four letters
        # are not stemmed.
        "traite_keep": {
            "type": "keyword_marker",
            "keywords_pattern": "^(.{1,3}|.*[^a-z].*)$",
        },
        # Folded feminines in -ée(s) are stemmed as their masculine, plurals
        # in -ions as their singular (see analysis/french.py).
        "traite_feminine": {
            "type": "pattern_replace",
            "pattern": "^([a-z]{2,}e)es?$",
            "replacement": "$1",
        },
        "traite_plural_ions": {
            "type": "pattern_replace",
            "pattern": "^([a-z]{2,}ion)s$",
            "replacement": "$1",
        },
        "traite_snowball": {"type": "stemmer", "language": "french"},
        "traite_ifi": {
            "type": "pattern_replace",
            "pattern": "^([a-z]*if)i$",
            "replacement": "$1",
        },
    }
    for number, (target, others) in enumerate(sorted(_families().items())):
        filters[f"traite_family_{number}"] = {
            "type": "pattern_replace",
            "pattern": f"^({'|'.join(others)})$",
            "replacement": target,
        }
    return filters


def french_analysis() -> dict:
    """``settings.analysis`` of an index analysed by the server."""
    filters = french_filters()
    return {
        "char_filter": char_filters(),
        "filter": filters,
        "analyzer": {
            ANALYZER: {
                "type": "custom",
                "char_filter": list(char_filters()),
                "tokenizer": "standard",
                "filter": [
                    "lowercase",
                    "asciifolding",
                    "traite_stop",
                    "traite_protected",
                    "traite_keep",
                    "traite_feminine",
                    "traite_plural_ions",
                    "traite_snowball",
                    "traite_ifi",
                    *[name for name in filters if name.startswith("traite_family_")],
                ],
            }
        },
    }


def text_analyzer(analysis: str) -> str:
    """The analyzer of the text fields: ours, or ``whitespace`` on our tokens."""
    return ANALYZER if analysis == SERVER_ANALYSIS else "whitespace"


def index_body(
    analysis: str, scoring: str = LUCENE_SCORING, log_id: str | None = None
) -> dict:
    """Settings and mappings of a new index.

    ``log_id`` names the change log whose head versions the documents (the
    log's epoch): an index filled from another log, or from this log before
    it was recreated, has versions that mean nothing to it.
    """
    text = {"type": "text", "analyzer": text_analyzer(analysis)}
    if scoring == SCRIPTED_SCORING:
        text["similarity"] = SIMILARITY
    properties = {name: dict(text) for name in TEXT_FIELDS}
    properties.update({name: {"type": "keyword"} for name in KEYWORD_FIELDS})
    properties.update({name: {"type": "date"} for name in DATE_FIELDS})
    properties.update({name: {"type": "integer"} for name in INTEGER_FIELDS})
    for facet in FACETS:
        kind = "integer" if facet.value_type is int else "keyword"
        properties.setdefault(facet.index, {"type": kind})
    settings = {"number_of_shards": 1, "number_of_replicas": 0}
    if analysis == SERVER_ANALYSIS:
        settings["analysis"] = french_analysis()
    if scoring == SCRIPTED_SCORING:
        settings["similarity"] = {SIMILARITY: okapi_similarity()}
    return {
        "settings": {"index": settings},
        "mappings": {
            "dynamic": "strict",
            "_meta": {
                "analysis": analysis,
                "scoring": scoring,
                "schema": SCHEMA_VERSION,
                "log_id": log_id,
            },
            "properties": properties,
        },
    }


def server_has_french_analysis(engine) -> bool:
    """Whether the server has the filters of the French chain."""
    from traite_portal.search.backends.server.engines import ServerError

    try:
        engine.analyze(
            {
                "tokenizer": "standard",
                "filter": [
                    {"type": "elision", "articles": ["l"]},
                    "asciifolding",
                    {"type": "stemmer", "language": "french"},
                ],
                "text": "l'été",
            }
        )
    except ServerError:
        return False
    return True
