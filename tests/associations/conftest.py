"""Two associations with one member each, a coordinator and their proposals."""

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink
from dataclasses import dataclass
from dataclasses import field
from plone import api
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD

import pytest
import socket
import transaction


PASSWORD = "secret-Pass-2026"
ASSOCIATION_A = "Collectif « Ensemble contre la traite des êtres humains »"
ASSOCIATION_B = "Association Bêta pour les victimes"
TOKEN_A = association_token(ASSOCIATION_A)
TOKEN_B = association_token(ASSOCIATION_B)
GROUP_A = association_group_id(TOKEN_A)
GROUP_B = association_group_id(TOKEN_B)


@dataclass
class Site:
    """The portal and what the tests need from it."""

    portal: object
    measure: object
    proposals: dict = field(default_factory=dict)


def create_user(username: str, groups=(), roles=("Member",)):
    user = api.user.create(
        email=f"{username}@example.org",
        username=username,
        password=PASSWORD,
        roles=list(roles),
    )
    for group_id in groups:
        api.group.add_user(groupname=group_id, username=username)
    return user


def create_proposal(container, item_id: str, tokens: list[str], state: str):
    """A proposal authored by ``tokens``, brought to ``state`` (as Manager)."""
    with api.env.adopt_roles(["Manager"]):
        proposal = api.content.create(
            container,
            "Proposal",
            id=item_id,
            title=f"Proposition {item_id}",
            associations=tokens,
        )
        if state != "draft":
            if state in ("submitted", "validated"):
                api.content.transition(obj=proposal, transition="submit")
            if state == "shared":
                api.content.transition(obj=proposal, transition="share")
            if state == "validated":
                api.content.transition(obj=proposal, transition="validate")
    return proposal


def build_site(portal, create_measure) -> Site:
    """Registry with associations A and B, their members, a coordinator."""
    api.portal.set_registry_record(REGISTRY_RECORD, [ASSOCIATION_A, ASSOCIATION_B])
    create_user("alice", groups=[GROUP_A])
    create_user("bruno", groups=[GROUP_B])
    create_user("carole", groups=[COORDINATORS])
    create_user("nina")  # a member of no group yet
    measure = create_measure(portal)
    site = Site(portal=portal, measure=measure)
    for item_id, tokens, state in (
        ("a-draft", [TOKEN_A], "draft"),
        ("a-shared", [TOKEN_A], "shared"),
        ("a-submitted", [TOKEN_A], "submitted"),
        ("a-validated", [TOKEN_A], "validated"),
        ("b-draft", [TOKEN_B], "draft"),
        ("b-submitted", [TOKEN_B], "submitted"),
    ):
        site.proposals[item_id] = create_proposal(measure, item_id, tokens, state)
    return site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server: submitting a proposal notifies the coordinators."""
    controller = Controller(Sink(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


def use_smtp_server(portal, controller) -> None:
    # Plone's sendmail patch reads the mail settings from the registry.
    api.portal.set_registry_record("plone.email_from_address", "portail@example.org")
    api.portal.set_registry_record("plone.smtp_host", controller.hostname)
    api.portal.set_registry_record("plone.smtp_port", controller.port)


@pytest.fixture
def site(integration, create_measure, smtp_server) -> Site:
    use_smtp_server(integration["portal"], smtp_server)
    return build_site(integration["portal"], create_measure)


@pytest.fixture
def http_site(functional, create_measure, smtp_server) -> Site:
    use_smtp_server(functional["portal"], smtp_server)
    site = build_site(functional["portal"], create_measure)
    transaction.commit()
    return site
