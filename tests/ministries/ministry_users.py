"""Users of two ministries and HTTP sessions as them (shared by the tests)."""

from traite_portal.groups import ministry_editors_group_id
from traite_portal.groups import ministry_reviewers_group_id

import requests


PASSWORD = "secret-Pass-2026"
JUSTICE = "min-justice"
INTERIEUR = "min-interieur"

# username → (group, full name)
USERS = {
    "justice-editor": (ministry_editors_group_id(JUSTICE), "Jeanne Justice"),
    "justice-reviewer": (ministry_reviewers_group_id(JUSTICE), "Rémi Relecteur"),
    "interieur-editor": (ministry_editors_group_id(INTERIEUR), "Ivan Intérieur"),
    "interieur-reviewer": (ministry_reviewers_group_id(INTERIEUR), "Irène Relectrice"),
}


def session_for(username: str | None) -> requests.Session:
    """A JSON session as the user (``None``: anonymous; "admin": the site owner)."""
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    if username == "admin":
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    elif username:
        session.auth = (username, PASSWORD)
    return session
