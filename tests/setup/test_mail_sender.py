"""The site gets a mail sender on install, and keeps the one an admin sets."""

from plone import api


class TestMailSender:
    def test_default_sender(self, portal):
        address = api.portal.get_registry_record("plone.email_from_address")
        assert address == "portail-traite@example.org"

    def test_reapplying_the_profile_keeps_the_admins_sender(self, portal):
        api.portal.set_registry_record(
            "plone.email_from_address", "contact@ministere.example"
        )
        setup = api.portal.get_tool("portal_setup")
        setup.runAllImportStepsFromProfile("profile-traite_portal:default")
        address = api.portal.get_registry_record("plone.email_from_address")
        assert address == "contact@ministere.example"
