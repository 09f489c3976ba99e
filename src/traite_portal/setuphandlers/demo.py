"""The ``demo`` profile: one demo user per kind of user, never in production.

Passwords are random, never defaults: the profile's handler creates the users
with passwords nobody knows; ``traite-setup --demo`` then sets fresh ones and
writes them to a file readable by its owner only (``var/demo-users.txt``).
"""

from plone import api
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ensure_groups
from traite_portal.groups import JURISTS
from traite_portal.groups import ministry_editors_group_id
from traite_portal.groups import ministry_reviewers_group_id
from traite_portal.vocabularies.associations import association_token
from typing import NamedTuple

import secrets


COLLECTIF = "Collectif « Ensemble contre la traite des êtres humains »"
DEMO_ASSOCIATION = "Association de démonstration"


class DemoUser(NamedTuple):
    username: str
    fullname: str
    group: str


DEMO_USERS = (
    DemoUser("demo-coordination", "Claire Coordination (démo)", COORDINATORS),
    DemoUser("demo-juriste", "Julien Juriste (démo)", JURISTS),
    DemoUser(
        "demo-collectif",
        "Camille Collectif (démo)",
        association_group_id(association_token(COLLECTIF)),
    ),
    DemoUser(
        "demo-association",
        "Alex Association (démo)",
        association_group_id(association_token(DEMO_ASSOCIATION)),
    ),
    DemoUser(
        "demo-justice-redaction",
        "Rédacteur Justice (démo)",
        ministry_editors_group_id("min-justice"),
    ),
    DemoUser(
        "demo-justice-relecture",
        "Relectrice Justice (démo)",
        ministry_reviewers_group_id("min-justice"),
    ),
    DemoUser(
        "demo-interieur-redaction",
        "Rédactrice Intérieur (démo)",
        ministry_editors_group_id("min-interieur"),
    ),
)


def new_password() -> str:
    return secrets.token_urlsafe(12)


def create_demo_users(reset_passwords: bool = False) -> dict[str, str]:
    """Create the demo users in their groups; returns the passwords set.

    Existing users keep their password unless ``reset_passwords`` is true.
    """
    ensure_groups()
    passwords = {}
    for user in DEMO_USERS:
        member = api.user.get(username=user.username)
        if member is None:
            passwords[user.username] = new_password()
            member = api.user.create(
                username=user.username,
                email=f"{user.username}@example.org",
                password=passwords[user.username],
                properties={"fullname": user.fullname},
            )
        elif reset_passwords:
            passwords[user.username] = new_password()
            api.portal.get_tool("acl_users").userSetPassword(
                user.username, passwords[user.username]
            )
        api.group.add_user(groupname=user.group, user=member)
    return passwords


def post_install(context) -> None:
    """Create the demo users; their passwords are set by ``traite-setup --demo``."""
    create_demo_users()
