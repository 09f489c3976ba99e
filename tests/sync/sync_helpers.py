"""Helpers of the sync tests: the site's log and what it recorded."""

from dataclasses import dataclass
from plone import api
from traite_portal.changelog.records import Change
from traite_portal.changelog.storage import get_changelog
from traite_portal.vocabularies.associations import association_token


PASSWORD = "secret-Pass-2026"
ASSOCIATION_A = "Collectif « Ensemble contre la traite des êtres humains »"
ASSOCIATION_B = "Association Bêta pour les victimes"
TOKEN_A = association_token(ASSOCIATION_A)
TOKEN_B = association_token(ASSOCIATION_B)


@dataclass
class SyncSite:
    """The test site: its portal and the measure that proposals answer."""

    portal: object
    measure: object

    @property
    def url(self) -> str:
        return self.portal.absolute_url()


def create_user(username: str, groups=()) -> None:
    """A user with the tests' password, in ``groups``."""
    api.user.create(
        email=f"{username}@example.org", username=username, password=PASSWORD
    )
    for group_id in groups:
        api.group.add_user(groupname=group_id, username=username)


def log_of(portal):
    """The site's change log (the profile creates it)."""
    log = get_changelog(portal)
    assert log is not None
    return log


def changes_since(portal, seq: int) -> list[Change]:
    """Every entry committed after position ``seq``."""
    return list(log_of(portal).changes(seq))
