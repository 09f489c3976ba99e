"""→ 1008: the change log (docs/sync.md), its settings and the feed's permission."""

from plone import api
from traite_portal.changelog.install import setup_changelog


def create_changelog(setup_tool) -> None:
    """Create the log and remember what every existing item is now."""
    setup_changelog(api.portal.get())
