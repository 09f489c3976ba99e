"""Install and uninstall handlers of the add-on profile."""

from plone import api
from plone.base.interfaces import INonInstallable
from traite_portal.changelog.install import setup_changelog
from traite_portal.groups import ensure_groups
from traite_portal.search.lexicon import install_french_analysis
from traite_portal.search.lexicon import uninstall_french_analysis
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Profiles that the add-ons control panel does not offer."""

    def getNonInstallableProfiles(self) -> list[str]:
        return ["traite_portal:uninstall"]

    def getNonInstallableProducts(self) -> list[str]:
        return []


# Notification mails (profiles/default/contentrules.xml) need a sender. Set
# only when empty, so re-applying the profile never overwrites the address an
# administrator chose in the mail control panel.
DEFAULT_SENDER = {
    "plone.email_from_address": "portail-traite@example.org",
    "plone.email_from_name": "Portail traite des êtres humains",
}


def set_default_sender() -> None:
    """Give the site a sender address and name unless it already has them."""
    for record, value in DEFAULT_SENDER.items():
        if not api.portal.get_registry_record(record, default=None):
            api.portal.set_registry_record(record, value)


def post_install(context) -> None:
    """Create the portal's groups, a default sender and the change log; content
    comes from the corpus import."""
    ensure_groups()
    set_default_sender()
    install_french_analysis(api.portal.get_tool("portal_catalog"))
    setup_changelog(api.portal.get())


def uninstall(context) -> None:
    """Take the French element out of the lexicon (its class would stay
    pickled in the site) and index the text again without it."""
    uninstall_french_analysis(api.portal.get_tool("portal_catalog"))
