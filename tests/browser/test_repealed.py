"""A repealed circular stays readable by everyone and says it is not in force."""

from plone import api
from plone.app.textfield.value import RichTextValue

import pytest
import requests
import transaction


@pytest.fixture
def circular(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", title="Circulaires")
        circular = api.content.create(
            library,
            "Circular",
            title="Circulaire du 5 février 2009",
            text=RichTextValue("<p>Texte intégral.</p>", "text/html", "text/html"),
        )
        api.content.transition(obj=circular, to_state="published")
    transaction.commit()
    return circular


def _repeal(circular):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=circular, transition="repeal")
    transaction.commit()


class TestRepealed:
    def test_published_text_has_no_banner(self, circular):
        page = requests.get(circular.absolute_url(), timeout=30)
        assert page.status_code == 200
        assert "traite-repealed" not in page.text

    def test_repealed_text_readable_and_marked(self, circular):
        _repeal(circular)
        page = requests.get(circular.absolute_url(), timeout=30)
        assert page.status_code == 200
        assert "Texte intégral." in page.text
        assert 'id="traite-repealed"' in page.text
        assert "plus en vigueur depuis le" in page.text

    def test_rest_says_not_in_force(self, circular):
        _repeal(circular)
        data = requests.get(
            circular.absolute_url(),
            headers={"Accept": "application/json"},
            timeout=30,
        ).json()
        assert data["review_state"] == "repealed"
        assert data["in_force"] is False
