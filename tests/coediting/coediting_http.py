"""HTTP helpers shared by the co-editing tests."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import lxml.html
import requests


PASSWORD = "secret-Pass-2026"
JSON = {"Accept": "application/json"}


def session_for(username: str) -> requests.Session:
    """A ``requests`` session authenticated as a user (basic auth)."""
    session = requests.Session()
    password = SITE_OWNER_PASSWORD if username == SITE_OWNER_NAME else PASSWORD
    session.auth = (username, password)
    return session


def rest_text(session: requests.Session, url: str) -> str:
    """The proposal's text as the REST API serves it."""
    response = session.get(url, headers=JSON, timeout=60)
    assert response.status_code == 200, response.text[:2000]
    return response.json()["text"]["data"]


def edit_form_data(html: str, **changes: str) -> dict:
    """What a browser submits when saving Plone's edit form with ``changes``.

    Every successful control of the page's edit form (hidden fields and the
    CSRF ``_authenticator`` included), with some widgets changed and the
    « Enregistrer » button pressed.
    """
    form = next(f for f in lxml.html.fromstring(html).forms if f.get("id") == "form")
    data = dict(form.form_values())
    data.update(changes)
    data["form.buttons.save"] = "Enregistrer"
    return data
