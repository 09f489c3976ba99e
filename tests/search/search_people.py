"""Users and unpublished content for the search permission tests."""

from dataclasses import dataclass
from dataclasses import field
from plone import api
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ensure_groups
from traite_portal.groups import JURISTS
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from traite_portal.workflows.definitions import LEGAL_TEXT_WORKFLOW
from traite_portal.workflows.definitions import PROPOSAL_WORKFLOW

import requests


PASSWORD = "secret-Pass-2026"
COMMON_WORD = "Zanzibar"
ASSOCIATION_A = "Association Alpha contre la traite"
ASSOCIATION_B = "Association Bêta pour les victimes"
# Subject (as traite_portal.workflows.matrix names it) -> user and groups.
USERS = {
    "AuthoringAssociation": (
        "autrice",
        association_group_id(association_token(ASSOCIATION_A)),
    ),
    "OtherAssociation": (
        "autre",
        association_group_id(association_token(ASSOCIATION_B)),
    ),
    "Coordinator": ("coordo", COORDINATORS),
    "Jurist": ("juriste", JURISTS),
}
SUBJECTS = ("Anonymous", *USERS)
# How to bring a new item to each state (transitions from the initial one).
PATHS = {
    "Proposal": {
        "draft": (),
        "shared": ("share",),
        "submitted": ("submit",),
        "validated": ("submit", "validate"),
        "withdrawn": ("withdraw",),
    },
    "Circular": {
        "draft": (),
        "pending": ("submit",),
        "published": ("submit", "publish"),
        "repealed": ("submit", "publish", "repeal"),
    },
}
WORKFLOWS = {"Proposal": PROPOSAL_WORKFLOW, "Circular": LEGAL_TEXT_WORKFLOW}


@dataclass
class Item:
    """A test item, known by the unique word of its title and text."""

    portal_type: str
    state: str
    word: str
    uid: str = ""


@dataclass
class SearchSite:
    portal_url: str
    items: list = field(default_factory=list)


def unique_word(portal_type: str, state: str) -> str:
    return f"Zorg{portal_type}{state}".lower()


def build(portal, create_measure) -> SearchSite:
    """Users of every subject, and one proposal / circular per state."""
    api.portal.set_registry_record(REGISTRY_RECORD, [ASSOCIATION_A, ASSOCIATION_B])
    ensure_groups()
    for username, group in USERS.values():
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD
        )
        api.group.add_user(groupname=group, username=username)
    measure = create_measure(portal, title=f"Mesure {COMMON_WORD}")
    site = SearchSite(portal.absolute_url())
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
        api.content.transition(obj=library, to_state="published")
        for portal_type, states in PATHS.items():
            for state, transitions in states.items():
                word = unique_word(portal_type, state)
                fields = (
                    {
                        "associations": [association_token(ASSOCIATION_A)],
                        "text": f"{COMMON_WORD} {word}",
                    }
                    if portal_type == "Proposal"
                    else {"ministry": "min-justice"}
                )
                obj = api.content.create(
                    measure if portal_type == "Proposal" else library,
                    portal_type,
                    title=f"{COMMON_WORD} {word}",
                    description=f"Élément {word}",
                    **fields,
                )
                for transition in transitions:
                    api.content.transition(obj=obj, transition=transition)
                assert api.content.get_state(obj) == state
                site.items.append(Item(portal_type, state, word, obj.UID()))
    return site


def session_for(subject: str) -> requests.Session:
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    if subject in USERS:
        session.auth = (USERS[subject][0], PASSWORD)
    return session
