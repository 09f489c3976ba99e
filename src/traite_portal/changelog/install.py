"""Create a site's change log: new sites (profile) and existing ones (1008).

On a site that already has content, the log starts with no entry but with
what every item is now (its path and visibility, read from the catalog), so
the first change to an old item can still tell who gains or loses sight of it.
"""

from plone.dexterity.content import CEILING_DATE
from plone.dexterity.content import FLOOR_DATE
from plone.dexterity.interfaces import IDexterityFTI
from Products.CMFCore.utils import getToolByName
from traite_portal.changelog.dates import schedule
from traite_portal.changelog.records import Visibility
from traite_portal.changelog.snapshot import timestamp
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.storage import get_changelog
from traite_portal.changelog.storage import install_changelog
from traite_portal.changelog.storage import LastState

import time


def setup_changelog(portal) -> ChangeLog:
    """The site's log, created with the state of existing items if missing."""
    log = get_changelog(portal)
    if log is None:
        log = install_changelog(portal)
        record_baseline(portal, log)
    return log


def _date(value, open_end) -> float | None:
    """A catalog date as the log stores it: None for the open ends."""
    if value is None or value == open_end:
        return None
    return timestamp(value)


def record_baseline(portal, log: ChangeLog) -> int:
    """Remember every content item as the catalog indexes it; how many."""
    catalog = getToolByName(portal, "portal_catalog")
    types_tool = getToolByName(portal, "portal_types")
    dexterity = {
        fti.getId()
        for fti in types_tool.objectValues()
        if IDexterityFTI.providedBy(fti)
    }
    security = catalog._catalog.getIndex("allowedRolesAndUsers")
    site_path = "/".join(portal.getPhysicalPath())
    now = time.time()
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=sorted(dexterity)):
        if brain.getPath() == site_path:
            continue  # the site root is not in the log (capture.tracked)
        visibility = Visibility(
            tuple(sorted(security.getEntryForObject(brain.getRID(), default=()))),
            _date(brain.effective, FLOOR_DATE),
            _date(brain.expires, CEILING_DATE),
        )
        state = LastState(
            brain.getPath()[len(site_path) :], visibility, now, brain.portal_type,
            brain.review_state or None, timestamp(brain.modified),
        )  # fmt: skip
        log.remember(brain.UID, state)
        schedule(log, brain.UID, visibility, now)
        count += 1
    return count
