"""A proposal co-edited by two users, served by a real WSGI server."""

from coediting_http import PASSWORD
from coediting_http import session_for
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue

import pytest
import requests
import transaction


CO_EDITORS = ("alice", "bob")


@pytest.fixture
def proposal(functional, create_measure):
    """A draft proposal; alice and bob hold the local Editor role on it."""
    portal = functional["portal"]
    measure = create_measure(portal)
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.default_language", "fr")
        api.portal.set_registry_record("plone.available_languages", ["fr"])
        proposal = api.content.create(
            measure,
            "Proposal",
            id="p",
            title="Former les magistrats",
            text=RichTextValue(
                "<p>Former les magistrats à la traite.</p>",
                "text/html",
                "text/x-html-safe",
            ),
        )
        for username in CO_EDITORS:
            api.user.create(
                email=f"{username}@example.org",
                username=username,
                password=PASSWORD,
                properties={"fullname": username.capitalize()},
            )
            api.user.grant_roles(username=username, obj=proposal, roles=["Editor"])
    transaction.commit()
    return proposal


@pytest.fixture
def proposal_url(proposal) -> str:
    return proposal.absolute_url()


@pytest.fixture
def alice() -> requests.Session:
    return session_for("alice")


@pytest.fixture
def bob() -> requests.Session:
    return session_for("bob")


@pytest.fixture
def admin() -> requests.Session:
    return session_for(SITE_OWNER_NAME)
