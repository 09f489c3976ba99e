"""Words longer than the ``index_token`` limit are not indexed.

A ZCTextIndex lexicon stores every distinct word it is given, for ever: one
20 MB « word » made every later reindexing of text cost 20 MB. This module
adds one step to the lexicons' pipelines, right after the word splitter,
that drops such words (on indexing and on searching alike).

The step is its own pipeline group, ``Word Length Limit``, so it composes
with any other step (stemming, elision…): the install appends nothing and
replaces nothing, it inserts this one element at position 1 of each
lexicon that lacks it.
"""

from Products.ZCTextIndex.interfaces import IZCLexicon
from Products.ZCTextIndex.PipelineFactory import element_factory
from traite_portal import logger
from traite_portal.security.limits import limit


GROUP = "Word Length Limit"
NAME = "Drop words longer than the portal's limit"


class LongWordRemover:
    """A lexicon pipeline element: keeps the words within the limit."""

    def process(self, words: list) -> list:
        maximum = limit("index_token").value
        return [word for word in words if len(word) <= maximum]

    # Searching goes through the same step, with or without globbing.
    processGlob = process
    process_post_glob = process


try:
    element_factory.registerFactory(GROUP, NAME, LongWordRemover)
except ValueError:  # registered already (module imported twice in tests)
    pass


def lexicons(catalog) -> list:
    """Every ZCTextIndex lexicon of the catalog."""
    return [obj for obj in catalog.objectValues() if IZCLexicon.providedBy(obj)]


def has_word_limit(lexicon) -> bool:
    return any(isinstance(step, LongWordRemover) for step in lexicon._pipeline)


def rebuild(catalog, lexicon) -> list[str]:
    """Empty the lexicon and reindex every text index that uses it."""
    lexicon.clear()
    names = [
        index.getId()
        for index in catalog._catalog.indexes.values()
        if getattr(index, "lexicon_id", None) == lexicon.getId()
    ]
    for name in names:
        catalog.reindexIndex(name, None)
    return names


def install_word_limit(catalog, rebuild_all: bool = False) -> list[str]:
    """Add the step to every lexicon lacking it and rebuild what changed
    (every lexicon with ``rebuild_all``: existing sites hold long words).

    Returns the ids of the lexicons rebuilt.
    """
    rebuilt = []
    for lexicon in lexicons(catalog):
        added = not has_word_limit(lexicon)
        if added:
            pipeline = list(lexicon._pipeline)
            pipeline.insert(1, LongWordRemover())
            lexicon._pipeline = tuple(pipeline)
        if added or rebuild_all:
            indexes = rebuild(catalog, lexicon)
            logger.info("Lexique %s reconstruit (%s)", lexicon.getId(), indexes)
            rebuilt.append(lexicon.getId())
    return rebuilt


def import_word_limit(context) -> None:
    """GenericSetup import step of the default profile (marker file)."""
    if context.readDataFile("traite_portal-word-limit.txt") is None:
        return
    install_word_limit(context.getSite().portal_catalog)
