"""1002 → 1006: limits on what users send (issue 7, « Limits and bad input »).

Adds the word length limit to the catalog's lexicons and rebuilds them all:
an existing site's lexicons may hold words longer than the limit.
"""

from plone import api
from traite_portal.security.tokens import install_word_limit


def rebuild_lexicons(setup_tool) -> None:
    """Install the word length limit and rebuild every lexicon and text index."""
    install_word_limit(api.portal.get_tool("portal_catalog"), rebuild_all=True)
