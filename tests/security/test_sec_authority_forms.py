"""The same attacks through the Classic add and edit forms (z3c.form).

A refused value is an error message on the re-displayed form, and nothing
is created or changed; a coordinator may name anyone.
"""

from sec_sharing_people import create_as
from sec_sharing_people import INTERIEUR
from sec_sharing_people import item_at
from sec_sharing_people import JUSTICE
from sec_sharing_people import PASSWORD
from sec_sharing_people import people_site  # noqa: F401 (fixture « site »)
from sec_sharing_people import proposal_data
from sec_sharing_people import TIMEOUT
from sec_sharing_people import TOKEN_A
from sec_sharing_people import TOKEN_B
from sec_sharing_people import transition_as

import lxml.html
import pytest
import requests


def submit_form(username: str, form_url: str, changes: dict) -> requests.Response:
    """Fill the Classic form as a browser would, change some fields, save."""
    browser = requests.Session()
    browser.auth = (username, PASSWORD)
    page = browser.get(form_url, timeout=TIMEOUT)
    assert page.status_code == 200, page.status_code
    form = next(
        f for f in lxml.html.fromstring(page.text).forms if f.get("id") == "form"
    )
    data = [(k, v) for k, v in form.form_values() if k not in changes]
    for name, value in changes.items():
        data += [(name, v) for v in (value if isinstance(value, list) else [value])]
    data.append(("form.buttons.save", "Enregistrer"))
    return browser.post(form.action, data=data, timeout=TIMEOUT)


def _proposal_changes(title: str, tokens: list[str]) -> dict:
    return {
        "form.widgets.IDublinCore.title": title,
        "form.widgets.text": "<p>Texte</p>",
        "form.widgets.associations:list": tokens,
    }


class TestAddForms:
    def test_member_cannot_add_in_another_associations_name(self, site):
        measure_url = site["measure"].absolute_url()
        changes = _proposal_changes("Au nom de B", [TOKEN_B])
        response = submit_form("alice", f"{measure_url}/++add++Proposal", changes)
        assert response.status_code == 200
        assert "propres associations" in response.text
        assert "au-nom-de-b" not in item_at(measure_url).objectIds()

    @pytest.mark.parametrize(
        ("username", "token"),
        [("alice", TOKEN_A), ("carole", TOKEN_B)],
        ids=["member-own-association", "coordinator-any-association"],
    )
    def test_allowed_authors(self, site, username, token):
        measure_url = site["measure"].absolute_url()
        changes = _proposal_changes(f"Par {username}", [token])
        response = submit_form(username, f"{measure_url}/++add++Proposal", changes)
        assert response.status_code == 200
        assert item_at(f"{measure_url}/par-{username}").associations == [token]

    def test_editor_cannot_add_a_circular_for_another_ministry(self, site):
        library_url = site["library"].absolute_url()
        changes = {
            "form.widgets.IDublinCore.title": "Pour l'intérieur",
            "form.widgets.ministry:list": INTERIEUR,
        }
        response = submit_form("justine", f"{library_url}/++add++Circular", changes)
        assert response.status_code == 200
        assert "propre ministère" in response.text
        assert "pour-linterieur" not in item_at(library_url).objectIds()


class TestEditForms:
    def test_other_association_sees_the_authors_read_only(self, site):
        measure_url = site["measure"].absolute_url()
        url = create_as("alice", measure_url, proposal_data("Partagée")).json()["@id"]
        assert transition_as("alice", url, "share").status_code == 200
        browser = requests.Session()
        browser.auth = ("bruno", PASSWORD)
        page = browser.get(f"{url}/@@edit", timeout=TIMEOUT)
        assert page.status_code == 200
        assert "form.widgets.associations" not in page.text
        assert "form.widgets.IDublinCore.title" in page.text  # co-editing

    def test_member_cannot_sign_as_another_user(self, site):
        measure_url = site["measure"].absolute_url()
        url = create_as("alice", measure_url, proposal_data("Signée")).json()["@id"]
        changes = {"form.widgets.IDublinCore.creators": "bruno"}
        response = submit_form("alice", f"{url}/@@edit", changes)
        assert response.status_code == 200
        assert "propre nom" in response.text
        assert item_at(url).creators == ("alice",)

    def test_editor_cannot_hand_a_circular_to_another_ministry(self, site):
        library_url = site["library"].absolute_url()
        data = {"@type": "Circular", "title": "Justice", "ministry": JUSTICE}
        url = create_as("justine", library_url, data).json()["@id"]
        changes = {"form.widgets.ministry:list": INTERIEUR}
        response = submit_form("justine", f"{url}/@@edit", changes)
        assert response.status_code == 200
        assert "propre ministère" in response.text
        assert item_at(url).ministry == JUSTICE
