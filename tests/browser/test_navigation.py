"""Navigation never lists the children of a large container."""

from plone import api

import pytest
import requests
import transaction


@pytest.fixture
def library_page(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
        for i in range(60):
            text = api.content.create(
                library,
                "NationalText",
                id=f"texte-{i}",
                title=f"Texte frère numéro {i}",
            )
            api.content.transition(obj=text, to_state="published")
    transaction.commit()
    return f"{portal.absolute_url()}/textes/texte-30"


class TestNavigation:
    def test_item_page_does_not_list_siblings(self, library_page):
        html = requests.get(library_page, timeout=60).text
        assert "Texte frère numéro 30" in html
        siblings = [i for i in range(60) if i != 30 and f"numéro {i}<" in html]
        assert siblings == []

    def test_library_is_in_navigation(self, library_page):
        portal_url = library_page.rsplit("/textes/", 1)[0]
        html = requests.get(portal_url, timeout=60).text
        assert f'href="{portal_url}/textes"' in html
