"""The ``traite`` distribution: a French Classic UI site with the corpus."""

from plone.distribution.core import Distribution
from plone.distribution.handler import post_handler as default_post_handler
from Products.CMFPlone.Portal import PloneSite
from traite_portal import logger


def post_handler(
    distribution: Distribution, site: PloneSite, answers: dict
) -> PloneSite:
    """Import the bundled corpus unless the answers say not to."""
    # Imported here: the loader pulls in the parser, needed only at creation.
    from traite_portal.corpus.loader import default_corpus_path
    from traite_portal.corpus.loader import import_corpus

    site = default_post_handler(distribution, site, answers)
    if answers.get("import_corpus", True):
        report = import_corpus(site, default_corpus_path())
        logger.info("Corpus imported: %s", report.summary_line())
    return site
