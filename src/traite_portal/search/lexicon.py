"""The French analysis as a ZCTextIndex lexicon pipeline element.

Plone's ``plone_lexicon`` (used by SearchableText, Title and Description)
splits and folds; this element, appended after whatever elements the lexicon
already has, removes elided articles and stop words and stems. It is installed
by code, not by ``catalog.xml``: GenericSetup compares pipelines by element
identity, so a lexicon listed in ``catalog.xml`` is emptied on every import of
the catalog step, leaving the text indexes pointing at words it forgot.
"""

from Products.ZCTextIndex.PipelineFactory import element_factory
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex
from traite_portal import logger
from traite_portal.search.analysis import analyse_glob
from traite_portal.search.analysis import analyse_word
from traite_portal.search.analysis import normalise_word


LEXICON_ID = "plone_lexicon"
ELEMENT_GROUP = "Language"
ELEMENT_NAME = "French elision, stop words and Snowball stemming"


class FrenchAnalysis:
    """Pipeline element: words in, index tokens out (stop words dropped)."""

    def process(self, words: list[str]) -> list[str]:
        tokens = (analyse_word(w) for w in words)
        return [t for t in tokens if t]

    def processGlob(self, words: list[str]) -> list[str]:
        # The query parser sends each term back through process(): fold and
        # drop stop words here, stem once there; globs stay unstemmed.
        terms = (
            analyse_glob(w) if "*" in w or "?" in w else normalise_word(w)
            for w in words
        )
        return [t for t in terms if t]

    def process_post_glob(self, words: list[str]) -> list[str]:
        return self.process(words)

    # Stored in the lexicon: equal to any other instance, so that comparing
    # two pipelines does not see a change where there is none.
    def __eq__(self, other) -> bool:
        return isinstance(other, FrenchAnalysis)

    def __hash__(self) -> int:
        return hash(FrenchAnalysis)


element_factory.registerFactory(ELEMENT_GROUP, ELEMENT_NAME, FrenchAnalysis)


def text_indexes(catalog) -> list[str]:
    """Ids of the ZCTextIndexes reading the French lexicon."""
    return [
        index.getId()
        for index in catalog.getIndexObjects()
        if isinstance(index, ZCTextIndex) and index.lexicon_id == LEXICON_ID
    ]


def has_french_analysis(catalog) -> bool:
    """Whether the lexicon's pipeline holds the French element."""
    pipeline = catalog[LEXICON_ID]._pipeline
    return any(isinstance(e, FrenchAnalysis) for e in pipeline)


def rebuild_text_indexes(catalog, also: tuple[str, ...] = ()) -> None:
    """Empty the lexicon and its text indexes, then index every item again
    (with the indexes named in ``also``, in the same pass)."""
    catalog[LEXICON_ID].clear()
    names = text_indexes(catalog)
    for name in names:
        catalog._catalog.getIndex(name).clear()
    catalog.reindexIndex([*names, *also], None)
    logger.info("Index reconstruits : %s.", ", ".join([*names, *also]))


def install_french_analysis(catalog, also: tuple[str, ...] = ()) -> bool:
    """Append the element to the lexicon (keeping the others) and rebuild."""
    if has_french_analysis(catalog):
        if also:
            catalog.reindexIndex(list(also), None)
        return False
    lexicon = catalog[LEXICON_ID]
    lexicon._pipeline = (*lexicon._pipeline, FrenchAnalysis())
    rebuild_text_indexes(catalog, also)
    return True


def uninstall_french_analysis(catalog) -> bool:
    """Remove the element (its class must not stay pickled in the site)."""
    if not has_french_analysis(catalog):
        return False
    lexicon = catalog[LEXICON_ID]
    lexicon._pipeline = tuple(
        e for e in lexicon._pipeline if not isinstance(e, FrenchAnalysis)
    )
    rebuild_text_indexes(catalog)
    return True
