"""Every browser view with generated bad input: never a 500, nothing written, no mail.

The views are enumerated from the component registry at test time
(``sec_input_views.views``): every browser view registered for the site root
or an item of one of the portal's types. Each is asked as the site owner
(Manager, who may open them all) with malformed query strings (values of the
wrong type, huge numbers, invalid dates, arrays where one value is expected,
invalid UTF-8) and a malformed form body. The requests are safe: no form
button is pressed and no CSRF token is sent, so a view that writes, deletes
or sends mail must not do it; the test checks that the database committed
nothing and that the (real) mail server received nothing. One test per
target, each listing every failing view at once.
"""

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink
from plone import api
from sec_input_site import session_for
from sec_input_site import TYPE_NAMES
from sec_input_site import written_since
from sec_input_views import view_cases
from sec_input_views import views

import pytest
import requests
import socket
import transaction


# The site root is the "site" target, then every portal type.
TARGETS = ["site", *TYPE_NAMES]
# Below this, the enumeration has gone wrong (Plone 6.2 registers about 330
# views for the site root and 180 for an item).
MINIMUM_VIEWS = 300
# Views that write on a plain GET by design (their writes are not checked;
# their answers are): view name → why.
WRITE_ON_GET = {
    "edit": "opening the edit form locks the item (plone.locking)",
    "images-clear": "a Manager's maintenance page: it clears the image scales",
}
# What the outside tester found: the enumeration must include it.
REPORTED = {"babel_utils", "images"}


class CountingSink(Sink):
    """A real SMTP server's handler that counts what it receives."""

    received = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        CountingSink.received += 1
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="class")
def view_plan(typed_items):
    """The targets, their views, a mail server, and the last transaction."""
    portal = next(iter(typed_items.values())).portal_url.getPortalObject()
    targets = {"site": portal, **typed_items}
    controller = Controller(CountingSink(), hostname="127.0.0.1", port=_free_port())
    controller.start()
    api.portal.set_registry_record("plone.smtp_host", controller.hostname)
    api.portal.set_registry_record("plone.smtp_port", controller.port)
    api.portal.set_registry_record("plone.email_from_address", "portail@example.org")
    transaction.commit()
    session = session_for("admin")
    session.headers["Accept"] = "text/html"
    # Plone writes its portlet assignments on the first page it renders.
    session.get(portal.absolute_url(), timeout=60)
    found = views(targets)
    try:
        yield {
            "targets": targets,
            "views": found,
            "session": session,
            "db": portal._p_jar.db(),
        }
    finally:
        controller.stop()


def ask(session: requests.Session, url: str, case) -> requests.Response:
    target = f"{url}?{case.query}" if case.query else url
    return session.request(
        case.method,
        target,
        data=list(case.form) or None,
        allow_redirects=False,
        timeout=60,
    )


class TestGeneratedBadInputToViews:
    def test_the_enumeration_is_not_vacuous(self, view_plan):
        names = {view.name for view in view_plan["views"]}
        print(f"{len(view_plan['views'])} views")
        assert len(view_plan["views"]) >= MINIMUM_VIEWS
        assert REPORTED <= names, REPORTED - names
        assert {view.target for view in view_plan["views"]} >= {"site", "Proposal"}

    @pytest.mark.parametrize("target", TARGETS)
    def test_never_a_500_nothing_written(self, view_plan, target):
        session, db = view_plan["session"], view_plan["db"]
        url = view_plan["targets"][target].absolute_url()
        mails_before = CountingSink.received
        failures = []
        for view in [v for v in view_plan["views"] if v.target == target]:
            mark = db.lastTransaction()
            for case in view_cases(view):
                response = ask(session, f"{url}/{view.path}", case)
                if response.status_code >= 500:
                    failures.append(f"{view.path} {case.label}: {response.status_code}")
            transaction.begin()  # see what the server committed
            if view.name in WRITE_ON_GET:
                continue
            for line in written_since(db, mark):
                failures.append(f"{view.path} wrote: {line}")
        assert CountingSink.received == mails_before, "mail sent"
        assert not failures, "\n".join(failures)
