"""People and places of the sharing and authority tests (one small site).

Two associations (A and B) with one member each, a coordinator, the editors
and reviewers of two ministries and a site administrator, all real members of
the portal's groups; a measure for proposals and a library for legal texts.
Every request goes over HTTP (basic auth) to the layer's WSGI server.
"""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ministry_editors_group_id
from traite_portal.groups import ministry_reviewers_group_id
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from urllib.parse import urlsplit

import pytest
import re
import requests
import transaction


PASSWORD = "secret-Pass-2026"
TIMEOUT = 30
ASSOCIATION_A = "Collectif « Ensemble contre la traite des êtres humains »"
ASSOCIATION_B = "Association Bêta pour les victimes"
TOKEN_A = association_token(ASSOCIATION_A)
TOKEN_B = association_token(ASSOCIATION_B)
JUSTICE = "min-justice"
INTERIEUR = "min-interieur"

# username → (groups, global roles)
PEOPLE = {
    "alice": ((association_group_id(TOKEN_A),), ()),
    "bruno": ((association_group_id(TOKEN_B),), ()),
    "carole": ((COORDINATORS,), ()),
    "justine": ((ministry_editors_group_id(JUSTICE),), ()),
    "remi": ((ministry_reviewers_group_id(JUSTICE),), ()),
    "ivan": ((ministry_editors_group_id(INTERIEUR),), ()),
    "sophie": ((), ("Site Administrator",)),
}


def create_people() -> None:
    """The registry's two associations and every person of ``PEOPLE``."""
    api.portal.set_registry_record(REGISTRY_RECORD, [ASSOCIATION_A, ASSOCIATION_B])
    for username, (groups, roles) in PEOPLE.items():
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD
        )
        if roles:
            api.user.grant_roles(username=username, roles=list(roles))
        for group_id in groups:
            api.group.add_user(groupname=group_id, username=username)


def build_site(portal, create_measure) -> dict:
    """People, the measure ``plan/ch/m`` and the library ``textes``; committed."""
    create_people()
    measure = create_measure(portal)
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
    transaction.commit()
    return {"portal": portal, "measure": measure, "library": library}


@pytest.fixture(name="site")
def people_site(functional, create_measure) -> dict:
    """Fixture ``site``: the people and places above, on the functional layer."""
    return build_site(functional["portal"], create_measure)


def created_url(response: requests.Response) -> str:
    """The URL of the item a REST POST created (asserting it did)."""
    assert response.status_code == 201, response.text[:500]
    return response.json()["@id"]


def session_for(username: str | None) -> requests.Session:
    """A JSON session as the user (``None``: anonymous; "admin": the site owner)."""
    session = requests.Session()
    session.headers.update(
        {"Accept": "application/json", "Content-Type": "application/json"}
    )
    if username == "admin":
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    elif username:
        session.auth = (username, PASSWORD)
    return session


def create_as(username: str, container_url: str, data: dict) -> requests.Response:
    """REST POST of a new item as the user."""
    return session_for(username).post(container_url, json=data, timeout=TIMEOUT)


def proposal_data(title: str, **fields) -> dict:
    return {
        "@type": "Proposal",
        "title": title,
        "text": {"data": "<p>Texte</p>", "content-type": "text/html"},
        **fields,
    }


def transition_as(username: str, url: str, transition: str) -> requests.Response:
    """REST ``@workflow/<transition>`` as the user (with a comment)."""
    return session_for(username).post(
        f"{url}/@workflow/{transition}", json={"comment": "Test."}, timeout=TIMEOUT
    )


def sharing_as(username: str, url: str, entries: list[dict]) -> requests.Response:
    """REST ``POST @sharing`` as the user."""
    return session_for(username).post(
        f"{url}/@sharing", json={"entries": entries}, timeout=TIMEOUT
    )


def item_at(url: str):
    """The item at a URL of the served site, as the server committed it."""
    transaction.begin()
    path = urlsplit(url).path
    return api.portal.get().unrestrictedTraverse(path.split("/", 2)[2])


def authenticator(html: str) -> str:
    """The CSRF token of a Classic page."""
    return re.search(r'name="_authenticator"\s+value="([^"]+)"', html)[1]
