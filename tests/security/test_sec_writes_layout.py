"""View templates: only the type's view methods, only with « Modify view template ».

Every portal type × (a view method, an unknown name, ``logout``,
``@@search``) × (an editor without the permission, a user with it) × every
path that sets a layout: REST ``PATCH``, the display menu's
``selectViewTemplate``, the ``select_default_view`` form and the ZMI's
``manage_addProperty``.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from Acquisition import aq_base
from plone import api
from Products.statusmessages.adapter import _decodeCookieValue
from Products.statusmessages.adapter import STATUSMESSAGEKEY
from sec_writes_site import admin_session
from sec_writes_site import create_items
from sec_writes_site import create_user
from sec_writes_site import JSON
from sec_writes_site import last_transaction
from sec_writes_site import portal_type_ids
from sec_writes_site import TIMEOUT
from sec_writes_site import token_for
from sec_writes_site import user_session
from traite_portal.security.layout import view_methods
from traite_portal.security.layout import ViewTemplateGuard
from urllib.parse import unquote
from zope.dottedname.resolve import resolve

import pytest
import transaction


UNKNOWN = ("vue-inconnue", "logout", "@@search")
BROWSER = {"Accept": "text/html"}
REFUSED = "n'est pas une vue de ce type de contenu"
FORBIDDEN = "n'avez pas le droit de choisir la vue"
# Roles Plone gives « Modify view template » to, or that hold every right.
BROAD_ROLES = {"Manager", "Site Administrator", "Owner", "Editor", "Authenticated"}


def editing_roles_without_permission(portal, item) -> list[str]:
    """Roles that may edit the item but not choose its view template."""
    edit = rolesForPermissionOn("Modify portal content", item)
    choose = rolesForPermissionOn("Modify view template", item)
    return [
        role
        for role in portal.validRoles()
        if role not in BROAD_ROLES and role in edit and role not in choose
    ]


@pytest.fixture
def site(functional):
    """Items, and ``choisit`` (local Editor) / ``redacteur`` (an editing role
    without the permission, where the type has one) on each."""
    portal = functional["portal"]
    items = create_items(portal)
    create_user("choisit")
    create_user("redacteur")
    editors = {}
    with api.env.adopt_roles(["Manager"]):
        for type_id, item in items.items():
            if item.isPrincipiaFolderish:
                # A view chosen explicitly: the ZMI changes the property then.
                item._setProperty("layout", "view", "string")
            api.user.grant_roles(username="choisit", obj=item, roles=["Editor"])
            roles = editing_roles_without_permission(portal, item)
            if roles:
                api.user.grant_roles(username="redacteur", obj=item, roles=roles[:1])
                editors[type_id] = roles[0]
    transaction.commit()
    return portal, items, editors


def stored(item, name: str = "layout"):
    transaction.begin()
    return getattr(aq_base(item), name, None)


def rest(session, item, value, token):
    return session.patch(
        item.absolute_url(), json={"layout": value}, headers=JSON, timeout=TIMEOUT
    )


def display_menu(session, item, value, token):
    session.cookies.clear()  # status messages of earlier requests
    return session.get(
        f"{item.absolute_url()}/selectViewTemplate",
        params={"templateId": value, "_authenticator": token},
        headers=BROWSER,
        allow_redirects=False,
        timeout=TIMEOUT,
    )


def select_form(session, item, value, token):
    session.cookies.clear()
    return session.post(
        f"{item.absolute_url()}/@@select_default_view",
        data={"templateId": value, "form.button.Save": "1", "_authenticator": token},
        headers=BROWSER,
        allow_redirects=False,
        timeout=TIMEOUT,
    )


def properties(session, item, value, token):
    """The ZMI's property methods: change the property, or add it."""
    transaction.begin()
    if item.hasProperty("layout"):
        method, data = "manage_changeProperties", {"layout": value}
    else:
        method, data = "manage_addProperty", {"id": "layout", "value": value}
    return session.post(
        f"{item.absolute_url()}/{method}",
        data={**data, "type": "string", "_authenticator": token},
        headers=BROWSER,
        allow_redirects=False,
        timeout=TIMEOUT,
    )


PATHS = {
    "rest": rest,
    "display_menu": display_menu,
    "select_form": select_form,
    "properties": properties,
}


def status_messages(response) -> list[str]:
    """The status messages a Classic page set for the next page (its cookie)."""
    value = response.cookies.get(STATUSMESSAGEKEY)
    if not value:
        return []
    return [message.message for message in _decodeCookieValue(unquote(value))]


def refusal_reason(response) -> str:
    """``invalid``, ``forbidden`` or ``""`` (not refused) for one answer
    (requested without following redirects)."""
    said = [response.text, *status_messages(response)]
    # The ZMI's property methods get Plone's error page (no message).
    if any(REFUSED in text for text in said) or response.status_code == 400:
        return "invalid"
    if response.status_code in (401, 403):
        return "forbidden"
    if "require_login" in response.headers.get("Location", ""):
        return "forbidden"
    # Plone's page for a logged-in user (basic auth) without the permission.
    if "Insufficient Privileges" in response.text:
        return "forbidden"
    return ""


def test_every_content_class_has_the_guard(functional):
    types = api.portal.get_tool("portal_types")
    type_ids = portal_type_ids()
    assert type_ids
    for type_id in type_ids:
        assert issubclass(resolve(types[type_id].klass), ViewTemplateGuard), type_id


@pytest.mark.parametrize("path", sorted(PATHS))
def test_layout_matrix(site, path):
    portal, items, editors = site
    send = PATHS[path]
    cases = 0
    for username in ("choisit", "redacteur"):
        session, token = user_session(username), token_for(username)
        for type_id, item in items.items():
            if username == "redacteur" and type_id not in editors:
                continue
            valid = view_methods(item)
            assert valid, type_id
            for value in (*valid, *UNKNOWN):
                before = last_transaction(portal)
                response = send(session, item, value, token)
                reason = refusal_reason(response)
                context = (path, username, type_id, value, response.status_code)
                if value not in valid:
                    # Refused, said why (or refused the user), nothing written.
                    assert reason in ("invalid", "forbidden"), context
                    assert last_transaction(portal) == before, context
                    if username == "choisit":
                        assert reason == "invalid", context
                else:
                    assert response.status_code < 500, context
                    if username == "choisit":
                        assert reason == "", context
                assert stored(item) in (None, *valid), context
                cases += 1
    for item in items.values():
        page = user_session("choisit").get(item.absolute_url(), timeout=TIMEOUT)
        assert page.status_code == 200, item
    print(f"\n{path}: {cases} cases, editors without the permission: {editors}")
    assert cases >= len(items) * (1 + len(UNKNOWN))


def test_rest_error_is_a_french_400(site):
    _, items, _ = site
    response = user_session("choisit").patch(
        items["Proposal"].absolute_url(),
        json={"layout": "logout"},
        headers=JSON,
        timeout=TIMEOUT,
    )
    assert response.status_code == 400, response.text
    assert REFUSED in response.json()["message"]
    assert "view" in response.json()["message"]
    # Creating an item with a view template is checked the same way.
    container = items["Measure"]
    before = set(container.objectIds())
    created = admin_session().post(
        container.absolute_url(),
        json={
            "@type": "Proposal",
            "title": "Nouvelle",
            "text": "<p>Texte</p>",
            "layout": "@@search",
        },
        headers=JSON,
        timeout=TIMEOUT,
    )
    assert created.status_code == 400, created.text
    assert REFUSED in created.json()["message"]
    transaction.begin()
    assert set(container.objectIds()) == before


def test_rest_layout_of_the_wrong_kind_is_a_400(site):
    _, items, _ = site
    item = items["Circular"]
    for value in (5, None, "", ["view"], {"a": 1}):
        response = user_session("choisit").patch(
            item.absolute_url(), json={"layout": value}, headers=JSON, timeout=60
        )
        assert response.status_code == 400, (value, response.text)
        assert REFUSED in response.json()["message"]
        assert stored(item) is None


def test_rest_layout_needs_the_permission(site):
    """An item whose stored view is gone (an old view method, or an attack
    before this check): only a user with the permission restores it."""
    portal, items, editors = site
    for type_id in editors:
        item = items[type_id]
        item.layout = "ancienne_vue"
        transaction.commit()
        assert user_session("choisit").get(item.absolute_url()).status_code == 404
        before = last_transaction(portal)
        refused = user_session("redacteur").patch(
            item.absolute_url(), json={"layout": "view"}, headers=JSON, timeout=60
        )
        assert refused.status_code == 403, (type_id, refused.text)
        assert FORBIDDEN in refused.json()["message"]
        assert last_transaction(portal) == before
        restored = user_session("choisit").patch(
            item.absolute_url(), json={"layout": "view"}, headers=JSON, timeout=60
        )
        assert restored.status_code == 204, (type_id, restored.text)
        assert stored(item) == "view"
        assert user_session("choisit").get(item.absolute_url()).status_code == 200
        # Sending back the current view changes nothing: accepted.
        same = user_session("redacteur").patch(
            item.absolute_url(), json={"layout": "view"}, headers=JSON, timeout=60
        )
        assert same.status_code == 204, (type_id, same.text)
    assert editors, "no editing role without the permission: nothing tested"


def test_default_page_must_be_a_child(site):
    """The folder's default page (``manage_addProperty``) is one of its items."""
    portal, items, _ = site
    folders = [item for item in items.values() if item.isPrincipiaFolderish]
    session, token = user_session("choisit"), token_for("choisit")
    for folder in folders:
        for page in ("logout", "@@search", "inexistant", *folder.objectIds()[:1]):
            before = last_transaction(portal)
            response = session.post(
                f"{folder.absolute_url()}/manage_addProperty",
                data={
                    "id": "default_page",
                    "value": page,
                    "type": "string",
                    "_authenticator": token,
                },
                timeout=TIMEOUT,
            )
            if page in folder.objectIds():
                assert response.status_code == 200, response.text[:500]
                assert stored(folder, "default_page") == page
            else:
                assert response.status_code == 400, (folder, page)
                assert last_transaction(portal) == before
                assert stored(folder, "default_page") is None
            assert session.get(folder.absolute_url()).status_code == 200


def test_classic_pages_say_why_in_french(site):
    _, items, _ = site
    session, token = user_session("choisit"), token_for("choisit")
    item = items["Measure"]
    for path in ("display_menu", "select_form"):
        refused = PATHS[path](session, item, "logout", token)
        assert refused.status_code == 302
        assert any(REFUSED in text for text in status_messages(refused))
        shown = session.get(refused.headers["Location"], timeout=TIMEOUT)
        assert REFUSED in shown.text
        accepted = PATHS[path](session, item, "view", token)
        assert status_messages(accepted) == ["Vue modifiée."]
