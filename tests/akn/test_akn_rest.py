"""``GET @akn`` and ``POST @akn-import`` over a real HTTP server.

Exports hold only what the caller may view: for every state of the proposal
and legal-text workflows (read from the workflow tool), an item in that state
appears in the anonymous export exactly when Anonymous may view it. Imports
run with the caller's permissions and write nothing when refused.
"""

from akn_sites import valid_root
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.value import RichTextValue
from traite_portal.akn.canonical import canonical
from traite_portal.akn.export import item_to_akn
from traite_portal.corpus.content import set_relations

import pytest
import requests
import transaction


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
POST = {"Accept": "application/json", "Content-Type": "application/xml"}
PLAN = "plan-action-2010"


def _states(portal_type: str) -> list[str]:
    (workflow,) = api.portal.get_tool("portal_workflow").getWorkflowsFor(portal_type)
    return list(workflow.states.objectIds())


def _anonymous_may_view(state: str, portal_type: str) -> bool:
    (workflow,) = api.portal.get_tool("portal_workflow").getWorkflowsFor(portal_type)
    roles = workflow.states[state].permission_roles.get("View") or ()
    return "Anonymous" in roles


def _in_state(container, portal_type: str, state: str):
    obj = api.content.create(
        container,
        portal_type,
        id=f"etat-{state}",
        title=f"Élément à l'état {state}",
        text=RichTextValue(f"<p>Texte à l'état {state}</p>", "text/html", "text/html"),
    )
    if api.content.get_state(obj) != state:
        api.content.transition(obj=obj, to_state=state)
    return obj


@pytest.fixture
def site(corpus_functional):
    """Items in every state: proposals in measure 1, texts in a library."""
    portal = corpus_functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        (brain,) = api.content.find(portal_type="Measure", measure_number=1)
        measure = brain.getObject()
        library = portal["textes"]["droit-national"]
        states = {
            "Proposal": [
                _in_state(measure, "Proposal", s) for s in _states("Proposal")
            ],
            "NationalText": [
                _in_state(library, "NationalText", s) for s in _states("NationalText")
            ],
        }
    transaction.commit()
    return {"portal": portal, "measure": measure, "library": library, **states}


def _import(container, data: bytes, auth=ADMIN, timeout: int = 60):
    """POST a document to a container's ``@akn-import``."""
    return requests.post(
        f"{container.absolute_url()}/@akn-import",
        data=data,
        headers=POST,
        auth=auth,
        timeout=timeout,
    )


def _get(url: str, **kwargs):
    return requests.get(f"{url}/@akn", timeout=120, **kwargs)


@pytest.fixture
def association_member(site):
    """A user of an association: may add proposals, may not validate them."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="asso@example.org", username="asso", password="Mot-de-passe-asso-1"
        )
    setRoles(site["portal"], "asso", ["Member", "AssociationMember"])
    transaction.commit()
    return ("asso", "Mot-de-passe-asso-1")


def _exported_then_deleted(obj) -> bytes:
    with api.env.adopt_roles(["Manager"]):
        data = item_to_akn(obj)
        api.content.delete(obj, check_linkintegrity=False)
    transaction.commit()
    return data


class TestAknRest:
    def test_get_answers_xml_whatever_the_accept_header(self, site):
        url = site["portal"][PLAN].absolute_url()
        plain, json_client = (
            _get(url),
            _get(url, headers={"Accept": "application/json"}),
        )
        for response in (plain, json_client):
            assert response.status_code == 200
            assert response.headers["Content-Type"].startswith("application/akn+xml")
            valid_root(response.content)
        assert canonical(plain.content) == canonical(json_client.content)

    @pytest.mark.parametrize("portal_type", ["Proposal", "NationalText"])
    def test_anonymous_exports_hold_what_anonymous_may_view(self, site, portal_type):
        container = (
            site["portal"][PLAN] if portal_type == "Proposal" else site["library"]
        )
        exported = _get(container.absolute_url()).text
        shown = hidden = 0
        for item in site[portal_type]:
            state = item.id.removeprefix("etat-")
            if _anonymous_may_view(state, portal_type):
                assert item.title in exported
                shown += 1
            else:
                assert item.title not in exported
                alone = _get(item.absolute_url(), allow_redirects=False)
                assert alone.status_code != 200
                assert item.title not in alone.text
                hidden += 1
        assert shown  # both sides were checked
        assert hidden
        admin = _get(container.absolute_url(), auth=ADMIN).text
        assert all(item.title in admin for item in site[portal_type])

    def test_relations_to_hidden_items_are_left_out(self, site):
        measure = site["measure"]
        hidden = [
            t
            for t in site["NationalText"]
            if not _anonymous_may_view(t.id[5:], "NationalText")
        ]
        with api.env.adopt_roles(["Manager"]):
            set_relations(measure, "cites", hidden)
        transaction.commit()
        anonymous = _get(measure.absolute_url()).text
        admin = _get(measure.absolute_url(), auth=ADMIN).text
        for text in hidden:
            assert text.title not in anonymous
            assert text.title in admin

    def test_post_recreates_a_deleted_plan(self, site):
        portal = site["portal"]
        before = _get(portal[PLAN].absolute_url(), auth=ADMIN).content
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(portal[PLAN], check_linkintegrity=False)
        transaction.commit()
        response = _import(portal, before, auth=ADMIN, timeout=300)
        assert response.status_code == 200, response.text[:1000]
        assert response.json()["created"]["Measure"] == 33
        after = _get(f"{portal.absolute_url()}/{PLAN}", auth=ADMIN).content
        assert canonical(after) == canonical(before)

    def test_anonymous_may_not_import(self, site, corpus_functional):
        data = item_to_akn(site["NationalText"][0])
        db = corpus_functional["app"]._p_jar.db()
        before = db.lastTransaction()
        response = _import(site["library"], data, auth=None)
        assert response.status_code == 401
        assert db.lastTransaction() == before

    def test_an_association_imports_a_draft_proposal(self, site, association_member):
        (draft,) = [p for p in site["Proposal"] if p.id == "etat-draft"]
        data = _exported_then_deleted(draft)
        response = _import(site["measure"], data, auth=association_member)
        assert response.status_code == 200, response.text
        assert response.json()["created"] == {"Proposal": 1}

    def test_but_may_not_import_it_validated(
        self, site, association_member, corpus_functional
    ):
        (validated,) = [p for p in site["Proposal"] if p.id == "etat-validated"]
        data = _exported_then_deleted(validated)
        db = corpus_functional["app"]._p_jar.db()
        before = db.lastTransaction()
        response = _import(site["measure"], data, auth=association_member)
        assert response.status_code == 403
        assert "dans l'état « validated »" in response.json()["error"]["message"]
        assert db.lastTransaction() == before

    def test_nor_add_a_text_to_a_library(
        self, site, association_member, corpus_functional
    ):
        data = _exported_then_deleted(site["NationalText"][0])
        db = corpus_functional["app"]._p_jar.db()
        before = db.lastTransaction()
        response = _import(site["library"], data, auth=association_member)
        assert response.status_code == 403
        assert "Impossible d'ajouter" in response.json()["error"]["message"]
        assert db.lastTransaction() == before

    def test_updates_need_modify(self, site, association_member):
        data = item_to_akn(site["NationalText"][0])  # still in the library
        response = _import(site["library"], data, auth=association_member)
        assert response.status_code == 403
        assert "pas le droit de modifier" in response.json()["error"]["message"]

    def test_a_protected_field_needs_its_permission(self, site):
        """An editor of a measure may update it, not change its status."""
        measure = site["measure"]
        chapter = measure.aq_parent
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email="editeur@example.org",
                username="editeur",
                password="Mot-de-passe-ed-1",
            )
            api.user.grant_roles(
                username="editeur", obj=chapter, roles=["Editor", "Contributor"]
            )
            data = item_to_akn(measure)
        transaction.commit()
        editor = ("editeur", "Mot-de-passe-ed-1")
        same = _import(chapter, data, auth=editor)
        assert same.status_code == 200, same.text
        assert same.json()["unchanged"] == {"Measure": 1}
        status = f'name="implementation_status">{measure.implementation_status}<'
        changed = data.replace(status.encode(), b'name="implementation_status">done<')
        assert changed != data
        refused = _import(chapter, changed, auth=editor)
        assert refused.status_code == 403
        message = refused.json()["error"]["message"]
        assert "modifier le champ « implementation_status »" in message


def _documents(context, uids, auth=None):
    return requests.get(
        f"{context.absolute_url()}/@akn-documents",
        params={"UID": uids},
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=60,
    )


class TestAknDocuments:
    """``@akn-documents``: several items' documents, as ``@akn`` gives each."""

    @pytest.mark.parametrize("portal_type", ["Proposal", "NationalText"])
    def test_each_document_is_the_items_akn_for_the_same_user(self, site, portal_type):
        items = site[portal_type]
        uids = [item.UID() for item in items]
        for auth in (None, ADMIN):
            response = _documents(site["portal"], uids, auth=auth)
            assert response.status_code == 200, response.text[:300]
            data = response.json()
            by_uid = {entry["UID"]: entry for entry in data["items"]}
            for item in items:
                alone = _get(item.absolute_url(), auth=auth, allow_redirects=False)
                if alone.status_code == 200:
                    entry = by_uid[item.UID()]
                    assert entry["@id"] == item.absolute_url()
                    assert entry["document"].encode("utf-8") == alone.content
                else:  # hidden from this user: only its UID, in missing
                    assert item.UID() not in by_uid
                    assert item.UID() in data["missing"]
                    assert item.title not in response.text
            assert len(by_uid) + len(data["missing"]) == len(uids)
        anonymous = {e["UID"] for e in _documents(site["portal"], uids).json()["items"]}
        assert 0 < len(anonymous) < len(uids)  # both sides were checked

    def test_only_below_the_context(self, site):
        proposal = site["Proposal"][0]
        response = _documents(site["library"], [proposal.UID()], auth=ADMIN)
        assert response.status_code == 200
        assert response.json()["items"] == []
        assert response.json()["missing"] == [proposal.UID()]

    @pytest.mark.parametrize("count", [0, 51])
    def test_too_few_or_too_many_uids_get_a_french_400(self, site, count):
        uids = [f"{i:032x}" for i in range(count)]
        response = _documents(site["portal"], uids, auth=ADMIN)
        assert response.status_code == 400
        message = response.json()["error"]["message"]
        assert "identifiants" in message
        assert str(count) in message
