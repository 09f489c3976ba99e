"""One site for the view-guard tests: an item per (content type, state), users.

Every item's title, description and text (when its type has one) carry a
word found nowhere else (``unique_word``); the users are the attackers of
the automatic column (another association, another ministry) and the people
who keep their rights (the authors, a coordinator, a site administrator).
"""

from plone import api
from plone.app.testing import FunctionalTesting
from plone.app.testing import login
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ministry_editors_group_id
from traite_portal.testing import create_private_folder
from traite_portal.testing import PeopledSiteLayer
from traite_portal.testing import WSGI_SERVER_FIXTURE
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from traite_portal.workflows.matrix import ITEMS
from traite_portal.workflows.matrix import MATRIX_MINISTRY
from traite_portal.workflows.matrix import MINISTRY_TYPES
from traite_portal.workflows.matrix import OTHER_MINISTRY
from zope.schema import getFieldNames

import requests


PASSWORD = "secret-Pass-2026"
OTHER_ASSOCIATION = "Autre association des vues"
TIMEOUT = 60
# Who the automatic column asks as (the matrix's subject names).
ATTACKERS = ("Anonymous", "OtherAssociation", "OtherMinistryEditor")
# Login → (full name, how the user gets its rights).
USERS = {
    "sec-otherassociation": ("Zqnom Autreassociation", "other association"),
    "sec-otherministryeditor": ("Zqnom Autreministere", "other ministry"),
    "sec-member": ("Zqnom Membre", ""),
    "sec-author": ("Zqnom Autrice", "authoring association"),
    "sec-coordinator": ("Zqnom Coordinatrice", "coordinators"),
    "sec-siteadministrator": ("Zqnom Administratrice", "Site Administrator"),
}
HIDDEN_PARENT_WORD = "zqsecdossierprive"


def unique_word(portal_type: str, state: str) -> str:
    """A word found in one item only (its title, description and text)."""
    return f"zqsec{portal_type.lower()}{state.lower()}"


def login_of(subject: str) -> str | None:
    """The login of an attacker of the column (None: anonymous)."""
    return None if subject == "Anonymous" else f"sec-{subject.lower()}"


def session_as(login: str | None) -> requests.Session:
    """A keep-alive session authenticated as ``login`` (basic auth)."""
    session = requests.Session()
    if login:
        session.auth = (login, PASSWORD)
    return session


def _groups() -> dict[str, str]:
    names = api.portal.get_registry_record(REGISTRY_RECORD)
    return {
        "authoring association": association_group_id(association_token(names[0])),
        "other association": association_group_id(association_token(OTHER_ASSOCIATION)),
        "other ministry": ministry_editors_group_id(OTHER_MINISTRY),
        "coordinators": COORDINATORS,
    }


def _create_users() -> None:
    groups = _groups()
    for username, (fullname, how) in USERS.items():
        user = api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=PASSWORD,
            roles=["Member"],
            properties={"fullname": fullname},
        )
        if how in groups:
            api.group.add_user(groupname=groups[how], user=user)
        elif how:
            api.user.grant_roles(user=user, roles=[how])


def _fields(portal_type: str, word: str) -> dict:
    """The values that tie an item to its authors, and its text."""
    fields = {}
    if portal_type == "Proposal":
        names = api.portal.get_registry_record(REGISTRY_RECORD)
        fields["associations"] = [association_token(names[0])]
    elif portal_type in MINISTRY_TYPES:
        fields["ministry"] = MATRIX_MINISTRY
    elif portal_type == "Measure":
        fields.update(number=2, responsible_bodies=[MATRIX_MINISTRY])
    elif portal_type == "Chapter":
        fields.update(number=2, roman_number="II")
    schemata = iterSchemataForType(portal_type)
    if any("text" in getFieldNames(schema) for schema in schemata):
        fields["text"] = RichTextValue(
            f"<p>Texte {word}</p>", "text/html", "text/x-html-safe"
        )
    return fields


def _create_items(portal) -> None:
    plan = api.content.create(portal, "ActionPlan", id="plan", title="Plan")
    chapter = api.content.create(
        plan, "Chapter", id="ch", title="Chapitre", number=1, roman_number="I"
    )
    measure = api.content.create(chapter, "Measure", id="m", title="M", number=1)
    library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
    containers = {"Proposal": measure, "ActionPlan": portal, "TextLibrary": portal}
    containers.update(Chapter=plan, Annex=plan, Measure=chapter)
    for portal_type, state in ITEMS:
        word = unique_word(portal_type, state)
        item = api.content.create(
            containers.get(portal_type, library),
            portal_type,
            id=f"{portal_type}-{state}",
            title=f"Élément {word}",
            description=f"Résumé {word}",
            safe_id=False,
            **_fields(portal_type, word),
        )
        if api.content.get_state(item) != state:
            api.content.transition(obj=item, to_state=state)


class ViewsSiteLayer(PeopledSiteLayer):
    """Built once per test class; the tests only read it."""

    other_association = OTHER_ASSOCIATION

    def populate(self, portal):
        _create_users()
        # Created by the authoring association's member: her author page
        # has items, the other users' have none.
        login(portal, "sec-author")
        with api.env.adopt_roles(["Manager"]):
            _create_items(portal)
            create_private_folder(portal, f"Dossier {HIDDEN_PARENT_WORD}")


VIEWS_SITE_FIXTURE = ViewsSiteLayer()
VIEWS_SITE_FUNCTIONAL = FunctionalTesting(
    bases=(VIEWS_SITE_FIXTURE, WSGI_SERVER_FIXTURE),
    name="TraitePortalViewsSiteLayer:FunctionalTesting",
)
