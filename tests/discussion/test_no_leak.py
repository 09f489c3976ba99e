"""A comment never shows where its proposal cannot be read: page, search, REST."""

from discussion_client import post_comment
from discussion_client import publish
from plone.app.discussion.interfaces import IConversation

import pytest
import transaction


WORD = "zqcommentaireconfidentiel"
OTHER_WORD = "zqsecondmotprive"
TEXT = f"Remarque {WORD} {OTHER_WORD} sur la proposition."


def found_paths(as_user, portal_url: str, user: str | None) -> list[str]:
    response = as_user(user).get(
        f"{portal_url}/@search", params={"SearchableText": WORD}
    )
    assert response.status_code == 200, response.text[:500]
    return [item["@id"] for item in response.json()["items"]]


def comment_url(proposal) -> str:
    transaction.begin()
    (comment,) = IConversation(proposal).values()
    return comment.absolute_url()


@pytest.fixture
def portal_url(proposal):
    return proposal.absolute_url().split("/plan/")[0]


@pytest.fixture
def published_comment(proposal, as_user):
    """A published comment on the shared proposal; returns its URL."""
    url = proposal.absolute_url()
    as_user("auteur").post(f"{url}/@workflow/share", json={})
    assert post_comment(as_user, proposal, "juriste", TEXT).status_code == 204
    transaction.begin()
    (comment,) = IConversation(proposal).values()
    assert publish(as_user, comment).status_code == 302
    return comment_url(proposal)


@pytest.fixture
def back_to_draft(proposal, published_comment, as_user):
    """The proposal taken back to draft by its author, its comment published."""
    response = as_user("auteur").post(
        f"{proposal.absolute_url()}/@workflow/retract", json={}
    )
    assert response.status_code == 200, response.text[:500]
    return published_comment


class TestSharedProposal:
    @pytest.mark.parametrize("user", ["autre", "juriste", "auteur", "coord"])
    def test_published_comment_found_by_readers(
        self, published_comment, portal_url, as_user, user
    ):
        assert found_paths(as_user, portal_url, user) == [published_comment]

    @pytest.mark.parametrize("user", ["membre", None])
    def test_not_found_by_others(self, published_comment, portal_url, as_user, user):
        assert found_paths(as_user, portal_url, user) == []


class TestDraftProposal:
    """The catalog follows the proposal when it goes back to draft."""

    @pytest.mark.parametrize("user", ["autre", "juriste", "membre", None])
    def test_search_finds_nothing(self, back_to_draft, portal_url, as_user, user):
        assert found_paths(as_user, portal_url, user) == []

    @pytest.mark.parametrize("user", ["auteur", "coauteur", "coord"])
    def test_authors_and_coordinators_still_find_it(
        self, back_to_draft, portal_url, as_user, user
    ):
        assert found_paths(as_user, portal_url, user) == [back_to_draft]

    @pytest.mark.parametrize("user", ["autre", "juriste", "membre", None])
    def test_rest_comments_refused(self, back_to_draft, proposal, as_user, user):
        listing = as_user(user).get(f"{proposal.absolute_url()}/@comments")
        assert listing.status_code == 401
        assert OTHER_WORD not in listing.text
        comment_id = back_to_draft.rsplit("/", 1)[1]
        single = as_user(user).get(f"{proposal.absolute_url()}/@comments/{comment_id}")
        assert single.status_code == 401
        assert OTHER_WORD not in single.text

    @pytest.mark.parametrize("user", ["autre", "juriste", None])
    def test_pages_and_snippets_show_nothing(
        self, back_to_draft, proposal, portal_url, as_user, user
    ):
        html = {"Accept": "text/html"}
        client = as_user(user)
        for url in (proposal.absolute_url(), back_to_draft):
            assert OTHER_WORD not in client.get(url, headers=html).text
        search_page = client.get(
            f"{portal_url}/@@search", params={"SearchableText": WORD}, headers=html
        )
        assert search_page.status_code == 200
        assert OTHER_WORD not in search_page.text
        assert "++conversation++" not in search_page.text

    def test_author_page_still_shows_the_comment(
        self, back_to_draft, proposal, as_user
    ):
        page = as_user("coauteur").get(
            proposal.absolute_url(), headers={"Accept": "text/html"}
        )
        assert OTHER_WORD in page.text
