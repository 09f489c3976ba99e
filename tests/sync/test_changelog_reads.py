"""Reading never writes to the log: every REST GET service, pages, versions.

The REST services are those registered for a proposal (asked of the
component registry); the Classic UI pages are the version views, the ones
that rebuild old versions of an item in memory.
"""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from sync_helpers import log_of
from sync_helpers import TOKEN_A
from sync_http import ANONYMOUS
from sync_http import head_cursor
from sync_http import session_for
from zope.component import getGlobalSiteManager
from zope.interface import providedBy

import transaction


SERVICE_PREFIX = "GET_application_json_"
PAGES = (
    "/@@view",
    "/@@historyview",
    "/versions_history_form?version_id=0",
    "/@history/0",
    "/@history-diff?from=0&to=current",
)


def get_services(obj) -> set[str]:
    """The names of the REST GET services registered for ``obj``."""
    spec = providedBy(obj)
    return {
        registration.name.removeprefix(SERVICE_PREFIX)
        for registration in getGlobalSiteManager().registeredAdapters()
        if registration.name.startswith(SERVICE_PREFIX)
        and spec.isOrExtends(registration.required[0])
    }


def test_reads_record_nothing(sync_site):
    portal = sync_site.portal
    with api.env.adopt_roles(["Manager"]):
        proposal = api.content.create(
            sync_site.measure,
            "Proposal",
            id="p",
            title="P",
            associations=[TOKEN_A],
            text=RichTextValue("<p>Texte</p>", "text/html", "text/x-html-safe"),
        )
    transaction.commit()
    head = log_of(portal).head
    admin = session_for(SITE_OWNER_NAME)
    services = get_services(proposal)
    assert {"", "@history", "@workflow", "@sharing", "@history-diff"} <= services
    for name in sorted(services):
        admin.get(f"{proposal.absolute_url()}/{name}", timeout=60)
    for path in PAGES:
        response = admin.get(proposal.absolute_url() + path, timeout=60)
        assert response.status_code == 200, (path, response.text[:500])
    for user in (ANONYMOUS, SITE_OWNER_NAME):
        head_cursor(session_for(user), sync_site.url)
    transaction.begin()
    assert log_of(portal).head == head
