"""Install and uninstall handlers of the add-on profile."""

from plone.base.interfaces import INonInstallable
from traite_portal.groups import ensure_groups
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Profiles that the add-ons control panel does not offer."""

    def getNonInstallableProfiles(self) -> list[str]:
        return ["traite_portal:uninstall"]

    def getNonInstallableProducts(self) -> list[str]:
        return []


def post_install(context) -> None:
    """Create the portal's groups; content comes from the corpus import."""
    ensure_groups()


def uninstall(context) -> None:
    """Nothing beyond the uninstall profile's own steps."""
