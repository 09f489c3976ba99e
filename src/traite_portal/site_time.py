"""The site's time zone and its calendar day.

Stored moments are in UTC; a day the portal shows or counts with (a report's
day, « today », an overdue deadline) is the day in the site's time zone
(``plone.portal_timezone``), not the server process's: between 23:00 and
midnight UTC in winter, Paris is already on the next day.
"""

from datetime import date
from datetime import datetime
from plone import api
from zoneinfo import ZoneInfo


def site_zone() -> ZoneInfo | None:
    """The site's time zone; ``None`` (UTC kept) for a site without one."""
    zone = api.portal.get_registry_record("plone.portal_timezone", default=None)
    return ZoneInfo(zone) if zone else None


def site_today() -> date:
    """Today in the site's time zone (the process's day for a site without one)."""
    zone = site_zone()
    return datetime.now(zone).date() if zone else date.today()
