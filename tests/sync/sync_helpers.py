"""Helpers of the sync tests: the site's log and what it recorded."""

from plone import api
from traite_portal.changelog.records import Change
from traite_portal.changelog.storage import get_changelog


def log_of(portal):
    """The site's change log (the profile creates it)."""
    log = get_changelog(portal)
    assert log is not None
    return log


def changes_since(portal, seq: int) -> list[Change]:
    """Every entry committed after position ``seq``."""
    return list(log_of(portal).changes(seq))


def as_manager(function, *args, **kwargs):
    """Run ``function`` with the Manager role (content set-up)."""
    with api.env.adopt_roles(["Manager"]):
        return function(*args, **kwargs)
