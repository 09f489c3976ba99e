"""The timeline shows dates in the site's time zone."""

from plone import api
from traite_portal.ministries.timeline import format_date

import pytest


@pytest.mark.parametrize(
    ("zone", "shown"),
    [
        ("Europe/Paris", "27/11/2026 21:46"),
        ("America/Cayenne", "27/11/2026 17:46"),
        ("UTC", "27/11/2026 20:46"),
    ],
)
def test_site_time_zone(portal, zone, shown):
    api.portal.set_registry_record("plone.portal_timezone", zone)
    assert format_date("2026-11-27T20:46:00+00:00") == shown
