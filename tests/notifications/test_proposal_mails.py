"""Proposal transitions over HTTP send French mails through a real SMTP server."""

from notification_people import author_token
from notification_people import PASSWORD
from plone import api

import pytest
import requests
import transaction


COORDINATORS = {"coord1@example.org", "coord2@example.org"}
AUTHORS = {"auteur@example.org", "coauteur@example.org"}
RETURN_COMMENT = "Merci de préciser l'article du code pénal visé."


@pytest.fixture
def proposal(site, create_measure):
    """A draft proposal written by ``auteur`` for the first association."""
    measure = create_measure(site)
    with api.env.adopt_user(username="auteur"):
        proposal = api.content.create(
            measure,
            "Proposal",
            id="proposition",
            title="Créer un fonds pour les victimes",
            associations=[author_token()],
        )
    transaction.commit()
    return proposal


def transition(obj, name: str, user: str, comment: str = "") -> None:
    """Run a workflow transition over REST as ``user``."""
    response = requests.post(
        f"{obj.absolute_url()}/@workflow/{name}",
        json={"comment": comment} if comment else {},
        headers={"Accept": "application/json"},
        auth=(user, PASSWORD),
        timeout=60,
    )
    assert response.status_code == 200, response.text[:2000]


class TestSubmitted:
    def test_coordinators_get_a_french_mail_with_the_link(self, proposal, mailbox):
        transition(proposal, "submit", "auteur")
        mails = mailbox.wait_for(len(COORDINATORS))
        assert {r for mail in mails for r in mail.recipients} == COORDINATORS
        for mail in mails:
            assert mail.subject == (
                "[Portail traite] Proposition soumise : "
                "Créer un fonds pour les victimes"
            )
            assert proposal.absolute_url() in mail.body
            assert "a été soumise aux coordinateurs" in mail.body
            assert mail.message["From"].addresses[0].addr_spec == (
                "portail-traite@example.org"
            )

    def test_sharing_sends_nothing(self, proposal, mailbox):
        transition(proposal, "share", "auteur")
        assert mailbox.wait_for(1, timeout=2) == []


class TestDecided:
    def test_return_to_draft_tells_authors_with_the_comment(self, proposal, mailbox):
        transition(proposal, "submit", "auteur")
        mailbox.wait_for(len(COORDINATORS))
        mailbox.clear()
        transition(proposal, "return_to_draft", "coord1", RETURN_COMMENT)
        mails = mailbox.wait_for(len(AUTHORS))
        assert {r for mail in mails for r in mail.recipients} == AUTHORS
        for mail in mails:
            assert "Créer un fonds pour les victimes" in mail.subject
            assert "Brouillon" in mail.subject
            assert RETURN_COMMENT in mail.body
            assert proposal.absolute_url() in mail.body

    def test_validation_tells_authors_not_other_associations(self, proposal, mailbox):
        transition(proposal, "submit", "auteur")
        mailbox.wait_for(len(COORDINATORS))
        mailbox.clear()
        transition(proposal, "validate", "coord2")
        mails = mailbox.wait_for(len(AUTHORS))
        assert {r for mail in mails for r in mail.recipients} == AUTHORS
        assert mailbox.to("autre@example.org") == []
        assert mailbox.to("juriste@example.org") == []
        assert all("Validée" in mail.subject for mail in mails)
