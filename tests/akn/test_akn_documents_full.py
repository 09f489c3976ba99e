"""``@akn-documents?fullobjects``: representations and documents in one request.

docs/akoma-ntoso.md « Several items at once » run as written against a real
server; each item's ``representation`` is what ``@search?fullobjects`` gives
of it and its ``document`` what ``<item>/@akn`` gives; hidden items stay in
``missing`` only.
"""

from akn_page import blocks
from akn_page import section
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from traite_portal.akn.kinds import DOCUMENTS

import json
import pytest
import requests
import shlex
import subprocess
import transaction


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
JSON = {"Accept": "application/json"}
SERVED = "http://localhost:8080/traite"
HEADING = "Several items at once: `@akn-documents`"


def _search_objects(portal, uids, auth):
    """The items' representations as ``@search?fullobjects`` gives them, by UID."""
    response = requests.get(
        f"{portal.absolute_url()}/@search",
        params={"UID": uids, "fullobjects": 1, "b_size": len(uids)},
        headers=JSON,
        auth=auth,
        timeout=120,
    )
    assert response.status_code == 200
    return {item["UID"]: item for item in response.json()["items"]}


def _full(context, uids, auth):
    response = requests.get(
        f"{context.absolute_url()}/@akn-documents",
        params={"UID": uids, "fullobjects": 1},
        headers=JSON,
        auth=auth,
        timeout=120,
    )
    assert response.status_code == 200, response.text[:300]
    return response


def test_the_documented_command_answers_as_shown(corpus_functional, tmp_path):
    portal = corpus_functional["portal"]
    library = portal["textes"]["droit-europeen"]
    text = library["dir-2011-36-ue"]
    text_section = section(HEADING)
    (command,) = blocks(text_section, "sh")[0].splitlines()
    (shown,) = [json.loads(b) for b in blocks(text_section, "json")]
    replaced = (
        command.replace(SERVED, portal.absolute_url())
        .replace("admin:PASSWORD", f"{SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        .replace("LIBRARY_UID", library.UID())
        .replace("TEXT_UID", text.UID())
    )
    done = subprocess.run(
        shlex.split(replaced), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    names = {"LIBRARY_UID": library.UID(), "TEXT_UID": text.UID()}
    assert answer["@id"] == shown["@id"].replace(SERVED, portal.absolute_url())
    assert answer["missing"] == shown["missing"] == []
    got = {item["UID"]: item for item in answer["items"]}
    assert len(got) == len(shown["items"]) == 2
    akn = requests.get(f"{text.absolute_url()}/@akn", auth=ADMIN, timeout=120)
    for expected in shown["items"]:
        item = got[names[expected["UID"]]]
        assert item["@id"] == expected["@id"].replace(SERVED, portal.absolute_url())
        for key, value in expected["representation"].items():
            assert item["representation"][key] == value
        if expected["document"] is None:
            assert item["document"] is None
        else:
            assert item["document"].startswith(expected["document"].rstrip("…"))
            assert item["document"].encode("utf-8") == akn.content


@pytest.fixture
def draft_and_public(corpus_functional):
    """A text in draft (hidden from anonymous) beside the corpus's public ones."""
    portal = corpus_functional["portal"]
    library = portal["textes"]["droit-national"]
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(
            library, "NationalText", id="brouillon", title="Brouillon caché"
        )
    transaction.commit()
    public = [brain.UID for brain in api.content.find(context=library)]
    return portal, draft, public


@pytest.mark.parametrize("auth", [None, ADMIN], ids=["anonymous", "admin"])
def test_each_item_as_search_and_akn_give_it(draft_and_public, auth):
    portal, draft, public = draft_and_public
    uids = [draft.UID(), *public][:50]
    data = _full(portal, uids, auth).json()
    searched = _search_objects(portal, uids, auth)
    # Every item the reader may view, in ``items``; the others in ``missing``.
    assert {item["UID"] for item in data["items"]} == set(searched)
    assert set(data["missing"]) == set(uids) - set(searched)
    assert (draft.UID() in searched) == (auth is not None)
    for item in data["items"]:
        assert item["representation"] == searched[item["UID"]]
        portal_type = item["representation"]["@type"]
        alone = requests.get(f"{item['@id']}/@akn", auth=auth, timeout=120)
        if portal_type not in DOCUMENTS or portal_type == "TextLibrary":
            assert item["document"] is None
        else:
            assert item["document"].encode("utf-8") == alone.content
    if auth is None:
        response = _full(portal, uids, auth)
        assert "Brouillon caché" not in response.text
