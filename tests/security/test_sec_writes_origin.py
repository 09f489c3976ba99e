"""Cross-site requests: a REST write with the session cookie comes from the portal.

The attack: another site's page POSTs ``Content-Type: text/plain`` (no CORS
preflight) to a REST service; the browser adds the user's ``__ac`` cookie.
"""

from plone import api
from plone.rest.cors import CORSPolicy
from plone.rest.interfaces import ICORSPolicy
from sec_writes_services import write_services
from sec_writes_site import admin_session
from sec_writes_site import cookie_session
from sec_writes_site import create_items
from sec_writes_site import create_user
from sec_writes_site import JSON
from sec_writes_site import last_transaction
from sec_writes_site import origin
from sec_writes_site import PASSWORD
from sec_writes_site import TIMEOUT
from sec_writes_site import token_for
from sec_writes_site import user_session
from zope.component import getGlobalSiteManager
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserRequest

import pytest
import requests
import transaction


EVIL = "https://attaquant.example"
REFUSED = "doit venir des pages du portail"
PLAIN = {"Accept": "application/json", "Content-Type": "text/plain"}


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    items = create_items(portal)
    create_user("gestion", roles=("Member", "Manager"))
    transaction.commit()
    return portal, items


def state_of(item) -> str:
    transaction.begin()
    return api.content.get_state(item)


def test_cross_site_write_refused_on_every_service(site):
    """Every REST write service of every type, text/plain from another site."""
    portal, items = site
    browser = cookie_session(portal, "gestion")
    failures, count = [], 0
    for type_id, item in items.items():
        url = item.absolute_url()
        for method, name in write_services(item):
            before = last_transaction(portal)
            response = browser.request(
                method,
                f"{url}/{name}" if name else url,
                data="{}",
                headers={**PLAIN, "Origin": EVIL},
                timeout=TIMEOUT,
            )
            count += 1
            if (
                response.status_code != 403
                or REFUSED not in response.json()["message"]
                or last_transaction(portal) != before
            ):
                failures.append((type_id, method, name, response.status_code))
    print(f"\n{count} (type, write service) pairs refused from another site")
    assert count >= len(items) * 15
    assert failures == []


def transition(session, item, headers, name="share"):
    return session.post(
        f"{item.absolute_url()}/@workflow/{name}",
        data="{}",
        headers=headers,
        timeout=TIMEOUT,
    )


def test_the_attack_and_what_still_works(site):
    """``POST @workflow/share`` sent every way a page or a client can send it."""
    portal, items = site
    proposal = items["Proposal"]
    own = origin(portal)
    browser = cookie_session(portal, "gestion")
    refused = {
        "foreign Origin": {**PLAIN, "Origin": EVIL},
        "Origin null": {**PLAIN, "Origin": "null"},
        "same host, other port": {**PLAIN, "Origin": "http://localhost:1"},
        "foreign Referer": {**PLAIN, "Referer": f"{EVIL}/page.html"},
        "no Origin nor Referer": PLAIN,
        "form encoding": {**JSON, "Content-Type": "application/x-www-form-urlencoded"},
    }
    for why, headers in refused.items():
        response = transition(browser, proposal, headers)
        assert response.status_code == 403, (why, response.text)
        assert REFUSED in response.json()["message"], why
        assert state_of(proposal) == "draft", why
    basic_from_elsewhere = transition(
        user_session("gestion"), proposal, {**PLAIN, "Origin": EVIL}
    )
    assert basic_from_elsewhere.status_code == 403, basic_from_elsewhere.text

    # The portal's own pages, a script with the cookie, Basic and Bearer clients.
    accepted = [
        (browser, {**PLAIN, "Origin": own}, "share", "shared"),
        (browser, {**PLAIN, "Referer": f"{own}/plone"}, "retract", "draft"),
        (browser, {**JSON, "Content-Type": "application/json"}, "share", "shared"),
        (user_session("gestion"), PLAIN, "retract", "draft"),
        (bearer_session(portal), {**PLAIN, "Origin": EVIL}, "share", "shared"),
    ]
    for session, headers, name, state in accepted:
        response = transition(session, proposal, headers, name)
        assert response.status_code == 200, (headers, response.text)
        assert state_of(proposal) == state


def bearer_session(portal) -> requests.Session:
    """A client holding a JWT from ``@login`` (sent in ``Authorization``)."""
    login = requests.post(
        f"{portal.absolute_url()}/@login",
        json={"login": "gestion", "password": PASSWORD},
        headers=JSON,
        timeout=TIMEOUT,
    )
    assert login.status_code == 200, login.text
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {login.json()['token']}"
    return session


def test_behind_a_proxy_the_public_origin_counts(site):
    """Virtual hosting: the origin is the public URL, not the server's own."""
    portal, items = site
    app = portal.aq_parent
    if "virtual_hosting" not in app.objectIds():
        app.manage_addProduct["SiteAccess"].manage_addVirtualHostMonster(
            "virtual_hosting"
        )
        transaction.commit()
    browser = cookie_session(portal, "gestion")
    server = origin(portal)
    path = "/".join(items["Proposal"].getPhysicalPath()[2:])
    public = (
        f"{server}/VirtualHostBase/https/portail.example.org:443/plone/"
        f"VirtualHostRoot/{path}/@workflow/share"
    )
    refused = browser.post(
        public, data="{}", headers={**PLAIN, "Origin": server}, timeout=TIMEOUT
    )
    assert refused.status_code == 403, refused.text
    assert "https://portail.example.org" in refused.json()["message"]
    accepted = browser.post(
        public,
        data="{}",
        headers={**PLAIN, "Origin": "https://portail.example.org"},
        timeout=TIMEOUT,
    )
    assert accepted.status_code == 200, accepted.text
    assert state_of(items["Proposal"]) == "shared"
    # A proxy that passes the public Host on: that host is the origin.
    retract = f"{items['Proposal'].absolute_url()}/@workflow/retract"
    cookie = {
        "Cookie": f"__ac={browser.cookies['__ac']}",
        "Host": "portail.example.org",
    }
    for own_origin, status in ((server, 403), ("http://portail.example.org", 200)):
        # requests matches cookies on the Host header: send the cookie itself.
        forwarded = requests.post(
            retract,
            data="{}",
            headers={**PLAIN, **cookie, "Origin": own_origin},
            timeout=TIMEOUT,
        )
        assert forwarded.status_code == status, forwarded.text
    assert state_of(items["Proposal"]) == "draft"


class FrontEndPolicy(CORSPolicy):
    """A front end on another origin, sending the user's cookie (credentials)."""

    allow_origin = ["https://front.example.org", "*"]
    allow_credentials = True
    allow_methods = None
    allow_headers = ()
    expose_headers = ("ETag",)
    max_age = None


def test_cors_policy_with_credentials_admits_its_origins(site):
    portal, items = site
    browser = cookie_session(portal, "gestion")
    registry = getGlobalSiteManager()
    registry.registerAdapter(FrontEndPolicy, (Interface, IBrowserRequest), ICORSPolicy)
    try:
        front = transition(
            browser, items["Proposal"], {**PLAIN, "Origin": "https://front.example.org"}
        )
        assert front.status_code == 200, front.text
        # "*" admits any page: not with the user's own cookie.
        other = transition(
            browser, items["Proposal"], {**PLAIN, "Origin": EVIL}, "retract"
        )
        assert other.status_code == 403, other.text
    finally:
        registry.unregisterAdapter(
            FrontEndPolicy, (Interface, IBrowserRequest), ICORSPolicy
        )
    assert state_of(items["Proposal"]) == "shared"


def test_classic_ui_with_the_cookie_keeps_working(site):
    """Same-origin Classic pages (plone.protect's token) are not concerned."""
    portal, items = site
    browser = cookie_session(portal, "gestion")
    proposal = items["Proposal"]
    response = browser.post(
        f"{proposal.absolute_url()}/content_status_modify",
        data={"workflow_action": "share", "_authenticator": token_for("gestion")},
        headers={"Origin": origin(portal)},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text[:500]
    assert state_of(proposal) == "shared"
    assert admin_session().get(proposal.absolute_url(), timeout=60).status_code == 200
