"""With the mail server down, a submission still goes through (mail logged)."""

from notification_people import author_token
from notification_people import PASSWORD
from plone import api

import requests
import socket
import transaction


def closed_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TestMailServerDown:
    def test_submit_succeeds_without_smtp(self, site, create_measure):
        api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
        api.portal.set_registry_record("plone.smtp_port", closed_port())
        measure = create_measure(site)
        with api.env.adopt_user(username="auteur"):
            proposal = api.content.create(
                measure,
                "Proposal",
                title="Proposition pendant la panne",
                associations=[author_token()],
            )
        transaction.commit()
        response = requests.post(
            f"{proposal.absolute_url()}/@workflow/submit",
            headers={"Accept": "application/json"},
            auth=("auteur", PASSWORD),
            timeout=60,
        )
        assert response.status_code == 200, response.text[:2000]
        transaction.begin()  # see the server's committed state
        assert api.content.get_state(proposal) == "submitted"
