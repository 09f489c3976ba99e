"""Comments on proposals over real HTTP: moderated, and never seen unpublished."""

from discussion_client import listed_texts
from discussion_client import only_comment
from discussion_client import post_comment
from discussion_client import publish
from plone import api
from plone.app.discussion.interfaces import IConversation

import pytest
import transaction


WORD = "zqavisjuridique"


@pytest.fixture
def shared(proposal, as_user):
    response = as_user("auteur").post(
        f"{proposal.absolute_url()}/@workflow/share", json={}
    )
    assert response.status_code == 200, response.text[:500]
    return proposal


class TestJuristComment:
    def test_comment_is_pending_and_hidden_until_published(self, shared, as_user):
        text = f"Avis {WORD} sur l'article 225-4-1."
        assert post_comment(as_user, shared, "juriste", text).status_code == 204
        comment = only_comment(shared)
        assert api.content.get_state(comment) == "pending"
        assert listed_texts(as_user, shared, "coord") == [text]  # the moderator
        for user in ("juriste", "auteur", "coauteur", "autre"):
            assert listed_texts(as_user, shared, user) == []
        single = as_user("autre").get(
            f"{shared.absolute_url()}/@comments/{comment.comment_id}"
        )
        assert single.status_code == 401

        response = publish(as_user, comment)
        assert response.status_code == 302, response.text[:500]
        assert api.content.get_state(only_comment(shared)) == "published"
        for user in ("auteur", "autre", "juriste"):
            assert listed_texts(as_user, shared, user) == [text]

    @pytest.mark.parametrize("user", ["juriste", "auteur", "autre"])
    def test_only_coordinators_moderate(self, shared, as_user, user):
        post_comment(as_user, shared, "juriste", f"Avis {WORD}")
        publish(as_user, only_comment(shared), user)
        assert api.content.get_state(only_comment(shared)) == "pending"

    def test_page_shows_only_published_comments(self, shared, as_user):
        post_comment(as_user, shared, "juriste", f"Avis {WORD}")
        page = as_user("autre").get(
            shared.absolute_url(), headers={"Accept": "text/html"}
        )
        assert page.status_code == 200
        assert WORD not in page.text
        publish(as_user, only_comment(shared))
        page = as_user("autre").get(
            shared.absolute_url(), headers={"Accept": "text/html"}
        )
        assert WORD in page.text


class TestWhoComments:
    @pytest.mark.parametrize(
        ("user", "allowed"),
        [
            ("juriste", True),
            ("autre", True),
            ("auteur", True),
            ("coord", True),
            ("membre", False),
            (None, False),
        ],
    )
    def test_on_a_shared_proposal(self, shared, as_user, user, allowed):
        response = post_comment(as_user, shared, user, f"Avis {WORD}")
        assert (response.status_code == 204) is allowed, response.text[:500]

    @pytest.mark.parametrize("user", ["juriste", "autre", "membre"])
    def test_not_on_a_draft_they_cannot_read(self, proposal, as_user, user):
        response = post_comment(as_user, proposal, user, f"Avis {WORD}")
        assert response.status_code in (401, 403, 404)
        transaction.begin()
        assert len(IConversation(proposal)) == 0
