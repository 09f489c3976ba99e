"""A functional site with one editor and one reviewer of two ministries.

Users are real members of the real ministry groups created by the profile;
every request goes over HTTP to the layer's WSGI server.
"""

from ministry_users import INTERIEUR
from ministry_users import JUSTICE
from ministry_users import PASSWORD
from ministry_users import USERS
from plone import api

import pytest
import transaction


@pytest.fixture
def ministry_site(functional, create_measure):
    """Users in their groups, a measure per ministry and a draft circular."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        for username, (group, fullname) in USERS.items():
            api.user.create(
                email=f"{username}@example.org",
                username=username,
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            api.group.add_user(groupname=group, username=username)
        justice = create_measure(
            portal, responsible_bodies=[JUSTICE, "premier-ministre"], number=1
        )
        interieur = api.content.create(
            justice.__parent__,
            "Measure",
            id="m2",
            title="Mesure de l'intérieur",
            number=2,
            responsible_bodies=[INTERIEUR],
        )
        library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
        circular = api.content.create(
            library,
            "Circular",
            id="circulaire",
            title="Circulaire sur l'accueil des victimes",
            ministry=JUSTICE,
        )
    transaction.commit()
    return {
        "portal": portal,
        "justice_measure": justice,
        "interieur_measure": interieur,
        "library": library,
        "circular": circular,
    }
