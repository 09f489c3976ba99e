"""A real SMTP server, the site's MailHost pointed at it, users in real groups."""

from notification_people import OTHER_ASSOCIATION
from notification_people import PASSWORD
from notification_people import people_groups
from plone import api
from smtp_mailbox import start_smtp_server
from traite_portal.groups import ensure_groups
from traite_portal.vocabularies.associations import REGISTRY_RECORD

import pytest
import transaction


@pytest.fixture(scope="session")
def smtp_server():
    controller, mailbox = start_smtp_server()
    try:
        yield controller, mailbox
    finally:
        controller.stop()


@pytest.fixture
def mailbox(smtp_server):
    controller, mailbox = smtp_server
    mailbox.clear()
    return mailbox


@pytest.fixture
def site(functional, smtp_server):
    """The functional portal: mail to the test server, two associations, users."""
    controller, _mailbox = smtp_server
    portal = functional["portal"]
    # Plone's mailer reads the mail control panel (registry), not MailHost.
    api.portal.set_registry_record("plone.smtp_host", controller.hostname)
    api.portal.set_registry_record("plone.smtp_port", controller.port)
    portal.MailHost.smtp_host = controller.hostname
    portal.MailHost.smtp_port = controller.port
    names = api.portal.get_registry_record(REGISTRY_RECORD)
    api.portal.set_registry_record(REGISTRY_RECORD, [*names, OTHER_ASSOCIATION])
    with api.env.adopt_roles(["Manager"]):
        ensure_groups()
        for user_id, group_id in people_groups().items():
            api.user.create(
                email=f"{user_id}@example.org",
                username=user_id,
                password=PASSWORD,
                roles=["Member"],
            )
            api.group.add_user(groupname=group_id, username=user_id)
    transaction.commit()
    return portal
