"""A word longer than the ``index_token`` limit is not indexed (every lexicon).

The lexicons are the catalog's own (enumerated); upgrade step 1006 adds the
step to an existing site's lexicons and rebuilds them, dropping the long
words they already held.
"""

from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue
from Products.ZCTextIndex.ParseTree import ParseError
from traite_portal.security.limits import limit
from traite_portal.security.tokens import has_word_limit
from traite_portal.security.tokens import lexicons
from traite_portal.security.tokens import LongWordRemover
from traite_portal.upgrades import profile_version

import pytest


PROFILE = "traite_portal:default"


def long_words(catalog) -> dict[str, int]:
    """lexicon id → how many of its words are longer than the limit."""
    processQueue()  # index what is waiting in the indexing queue
    maximum = limit("index_token").value
    return {
        lexicon.getId(): sum(1 for word in lexicon.words() if len(word) > maximum)
        for lexicon in lexicons(catalog)
    }


@pytest.fixture
def catalog(integration):
    return api.portal.get_tool("portal_catalog")


def proposal_with(portal, text: str, title: str = "Proposition"):
    with api.env.adopt_roles(["Manager"]):
        plan = api.content.create(portal, "ActionPlan", id="plan", title="Plan")
        return api.content.create(
            plan,
            "Annex",
            id="annexe",
            title=title,
            text=RichTextValue(text, "text/html", "text/x-html-safe"),
        )


def found(text: str) -> list[str]:
    return [b.getId for b in api.content.find(SearchableText=text, unrestricted=True)]


class TestWordLimit:
    def test_every_lexicon_has_the_step(self, catalog):
        assert {lexicon.getId() for lexicon in lexicons(catalog)} >= {
            "plone_lexicon",
            "plaintext_lexicon",
            "htmltext_lexicon",
        }
        assert all(has_word_limit(lexicon) for lexicon in lexicons(catalog))

    def test_long_word_not_indexed_word_at_the_limit_is(self, integration, catalog):
        size = limit("index_token").value
        at_limit, too_long = "a" * size, "b" * (size + 1)
        huge = "c" * 200_000
        proposal_with(
            integration["portal"], f"<p>traite {at_limit} {too_long} {huge}</p>"
        )
        assert found("traite") == ["annexe"]
        assert found(at_limit) == ["annexe"]
        with pytest.raises(ParseError):  # like a stop word: nothing to look for
            found(too_long)
        assert set(long_words(catalog).values()) == {0}

    def test_step_drops_only_long_words(self):
        size = limit("index_token").value
        words = ["mot", "x" * size, "y" * (size + 1)]
        assert LongWordRemover().process(words) == ["mot", "x" * size]


class TestUpgrade1006:
    def test_step_is_registered(self, catalog):
        setup = api.portal.get_tool("portal_setup")
        setup.setLastVersionForProfile(PROFILE, "1004")  # the step's source
        group, *_later = setup.listUpgrades(PROFILE)
        assert [step["title"] for step in group] == [
            "Longueur maximale des mots indexés"
        ]
        assert {step["dest"] for step in group} == {("1006",)}

    def test_upgrade_rebuilds_lexicons_with_long_words(self, integration, catalog):
        """A site as 1002 left it: no step in the pipelines, long words indexed."""
        for lexicon in lexicons(catalog):
            lexicon._pipeline = tuple(
                step
                for step in lexicon._pipeline
                if not isinstance(step, LongWordRemover)
            )
        too_long = "z" * (limit("index_token").value + 1)
        proposal_with(integration["portal"], f"<p>victimes {too_long}</p>", too_long)
        assert long_words(catalog)["plone_lexicon"] > 0
        setup = api.portal.get_tool("portal_setup")
        setup.setLastVersionForProfile(PROFILE, "1002")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (profile_version(),)
        assert all(has_word_limit(lexicon) for lexicon in lexicons(catalog))
        assert set(long_words(catalog).values()) == {0}
        assert found("victimes") == ["annexe"]
        assert [b.getId for b in api.content.find(Title="Plan", unrestricted=True)] == [
            "plan"
        ]
