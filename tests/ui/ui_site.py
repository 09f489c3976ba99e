"""Helpers of the UI tests: the corpus site over HTTP, as a visitor or a member."""

from plone import api

import lxml.html
import requests
import transaction


PASSWORD = "secret-Pass-2026"
MEMBER = "lectrice"
# Words of the default Dexterity view that no visitor page may show.
INTERNAL = ("Paramètres", "Nom court", "Contrôle de version", "Échéance : année")


def add_member(portal) -> tuple[str, str]:
    """A plain member (no group), committed; returns basic-auth credentials."""
    if api.user.get(username=MEMBER) is None:
        api.user.create(
            email="lectrice@example.org",
            username=MEMBER,
            password=PASSWORD,
            roles=["Member"],
        )
        transaction.commit()
    return (MEMBER, PASSWORD)


def fetch(url: str, auth=None, **params) -> requests.Response:
    return requests.get(
        url, params=params or None, auth=auth, timeout=120, allow_redirects=False
    )


def html(response: requests.Response):
    return lxml.html.fromstring(response.content)


def content_text(response: requests.Response) -> str:
    """The text of the page's content area, whitespace collapsed."""
    (content,) = html(response).xpath('//*[@id="content"]')
    return " ".join(content.text_content().split())
