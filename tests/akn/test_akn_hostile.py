"""Invalid and hostile XML posted to ``@akn-import``: refused, nothing written.

Each case answers its status with a French message; the database's last
transaction is the same before and after; the local HTTP listener named by
the document receives no request; the content of the local file an entity or
an XInclude names appears nowhere. lxml's default parser is never changed.
"""

from akn_hostile import build
from akn_hostile import CASES
from akn_hostile import Listener
from akn_hostile import with_schema_hint
from lxml import etree
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from traite_portal.akn.export import item_to_akn

import pytest
import requests
import secrets
import transaction


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
XML = {"Accept": "application/json", "Content-Type": "application/xml"}


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.stop()


@pytest.fixture
def secret_file(tmp_path):
    word = f"SECRET{secrets.token_hex(8)}"
    path = tmp_path / "secret.txt"
    path.write_text(word, encoding="utf-8")
    return path, word


@pytest.fixture
def library(functional):
    """A library and the export of a text that was in it (then deleted)."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
        text = api.content.create(
            library, "NationalText", id="loi-essai", title="Loi d'essai"
        )
        base = item_to_akn(text)
        api.content.delete(text)
    transaction.commit()
    return {"url": library.absolute_url(), "base": base, "portal": portal}


def _post(url: str, data: bytes):
    return requests.post(
        f"{url}/@akn-import", data=data, headers=XML, auth=ADMIN, timeout=120
    )


def _last_transaction(functional):
    return functional["app"]._p_jar.db().lastTransaction()


class TestHostileDocuments:
    def test_the_base_document_imports(self, functional, library):
        response = _post(library["url"], library["base"])
        assert response.status_code == 200, response.text
        assert response.json()["created"] == {"NationalText": 1}

    @pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
    def test_refused_and_nothing_written(
        self, functional, library, listener, secret_file, case
    ):
        path, word = secret_file
        data = build(case.name, library["base"], str(path), listener.url)
        before = _last_transaction(functional)
        response = _post(library["url"], data)
        assert response.status_code == case.status, response.text[:500]
        message = response.json()["error"]["message"]
        assert case.message in message
        assert word not in response.text
        assert "LISTENER-ANSWERED" not in response.text
        assert _last_transaction(functional) == before
        assert listener.requests == []
        transaction.begin()  # see what the server committed, if anything
        assert len(api.content.find(portal_type="NationalText")) == 0

    def test_schema_hints_are_never_fetched(self, functional, library, listener):
        data = with_schema_hint(library["base"], listener.url)
        response = _post(library["url"], data)
        assert response.status_code == 200, response.text
        assert listener.requests == []

    def test_wrong_content_type(self, functional, library):
        response = requests.post(
            f"{library['url']}/@akn-import",
            data=library["base"],
            headers={"Accept": "application/json"},
            auth=ADMIN,
            timeout=60,
        )
        assert response.status_code == 415
        assert "Content-Type: application/xml" in response.json()["error"]["message"]


class TestDefaultParser:
    def test_exports_and_imports_leave_lxml_default_parser(self, functional, library):
        default = etree.get_default_parser()
        with api.env.adopt_roles(["Manager"]):
            item_to_akn(functional["portal"]["textes"])
        assert _post(library["url"], library["base"]).status_code == 200
        assert etree.get_default_parser() is default
