"""One item of each of the portal's content types, and who may edit them.

Shared by the ``test_sec_writes_*`` modules: the types are read from
``portal_types`` (every FTI whose class provides ``ITraiteContent``), each
item is created in a container whose FTI allows it, as Manager.
"""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.protect.authenticator import createToken
from traite_portal.interfaces import ITraiteContent
from urllib.parse import urljoin
from urllib.parse import urlsplit
from zope.dottedname.resolve import resolve

import lxml.html
import requests
import transaction


PASSWORD = "secret-Pass-2026"
JSON = {"Accept": "application/json"}
TIMEOUT = 60
# Fields some types need to render their view (numbers shown in titles).
FIELDS = {
    "Chapter": {"number": 1, "roman_number": "I"},
    "Measure": {"number": 1},
}


def portal_type_ids() -> list[str]:
    """Every content type of the portal (its class provides ITraiteContent)."""
    types = api.portal.get_tool("portal_types")
    return [
        fti.getId()
        for fti in types.objectValues()
        if getattr(fti, "klass", None)
        and ITraiteContent.implementedBy(resolve(fti.klass))
    ]


def _allows(portal, container, type_id: str) -> bool:
    types = api.portal.get_tool("portal_types")
    if container is portal:
        return bool(types[type_id].global_allow)
    return type_id in container.getTypeInfo().allowed_content_types


def create_items(portal) -> dict[str, object]:
    """``{portal_type: item}``: one item per type, each in a container allowing it."""
    wanted = portal_type_ids()
    items: dict[str, object] = {}
    with api.env.adopt_roles(["Manager"]):
        # Breadth first from the site root: a type is created as soon as a
        # container allowing it exists.
        containers = [portal]
        while containers and len(items) < len(wanted):
            container = containers.pop(0)
            for type_id in wanted:
                if type_id in items or not _allows(portal, container, type_id):
                    continue
                item = api.content.create(
                    container,
                    type_id,
                    id=type_id.lower(),
                    title=f"Élément {type_id}",
                    **FIELDS.get(type_id, {}),
                )
                items[type_id] = item
                containers.append(item)
    assert sorted(items) == sorted(wanted), (sorted(items), sorted(wanted))
    transaction.commit()
    return items


def admin_session() -> requests.Session:
    """The site owner (Manager), basic auth."""
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    return session


def user_session(username: str) -> requests.Session:
    """A test user created with ``PASSWORD``, basic auth."""
    session = requests.Session()
    session.auth = (username, PASSWORD)
    return session


def create_user(username: str, roles=("Member",)):
    with api.env.adopt_roles(["Manager"]):
        user = api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD
        )
        api.user.grant_roles(user=user, roles=list(roles))
        return user


def etag_of(session: requests.Session, url: str) -> str:
    response = session.get(url, headers=JSON, timeout=TIMEOUT)
    assert response.status_code == 200, response.text[:2000]
    assert response.headers.get("ETag"), response.headers
    return response.headers["ETag"]


def last_transaction(portal) -> bytes:
    """The id of the database's last committed transaction (nothing written: same)."""
    transaction.begin()
    return portal._p_jar.db().lastTransaction()


def cookie_session(portal, username: str) -> requests.Session:
    """A session logged in through the Classic login form (the ``__ac`` cookie)."""
    session = requests.Session()
    page = session.get(f"{portal.absolute_url()}/login", timeout=TIMEOUT)
    form = next(
        form
        for form in lxml.html.fromstring(page.text).forms
        if "__ac_name" in form.fields
    )
    data = dict(form.form_values())
    data.update({"__ac_name": username, "__ac_password": PASSWORD})
    button = form.xpath(".//*[@type='submit'][@name]")[0]
    data[button.get("name")] = button.get("value", "")
    session.post(
        urljoin(page.url, form.action or ""),
        data=data,
        headers={"Origin": origin(portal)},
        timeout=TIMEOUT,
    )
    assert session.cookies.get("__ac"), "the login form set no session cookie"
    return session


def origin(portal) -> str:
    """The portal's origin as a browser on its pages sends it."""
    parts = urlsplit(portal.absolute_url())
    return f"{parts.scheme}://{parts.netloc}"


def token_for(username: str) -> str:
    """plone.protect's CSRF token for a user (what Classic pages put in forms)."""
    with api.env.adopt_user(username=username):
        return createToken()
