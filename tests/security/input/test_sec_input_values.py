"""Issue 7, point 12: values that were stored and must be refused.

A ``Bool`` given ``2`` or ``"maybe"``, a rich text with an unknown
``content-type`` or ``encoding``: a 400 in French (a form error in Classic),
nothing written, the stored value unchanged.
"""

from sec_input_site import edit_form_data
from sec_input_site import session_for

import html
import pytest
import transaction


REST_CASES = [
    ("circular", {"in_force": 2}, "« En vigueur » : valeur de type inattendu, true"),
    ("circular", {"in_force": "maybe"}, "« En vigueur » : valeur de type inattendu"),
    (
        "proposal",
        {"text": {"data": "<p>x</p>", "content-type": "text/bogus"}},
        "format inconnu « text/bogus »",
    ),
    (
        "proposal",
        {"text": {"data": "<p>x</p>", "encoding": "bogus"}},
        "encodage inconnu « bogus » (seul utf-8 est accepté)",
    ),
    (
        "proposal",
        {"text": {"data": "<p>x</p>", "encoding": "rot13"}},
        "encodage inconnu « rot13 »",
    ),
]


def stored(site, key: str):
    transaction.begin()
    item = getattr(site, key)
    return item.in_force if key == "circular" else item.text


class TestRest:
    @pytest.mark.parametrize(
        ("key", "body", "message"), REST_CASES, ids=[str(c[1]) for c in REST_CASES]
    )
    def test_refused(self, input_site, key, body, message):
        before, value = input_site.mark(), stored(input_site, key)
        response = session_for("admin").patch(
            getattr(input_site, key).absolute_url(), json=body, timeout=60
        )
        assert response.status_code == 400, response.text[:500]
        assert message in response.json()["message"]
        assert not input_site.written_since(before)
        assert stored(input_site, key) == value

    def test_true_and_known_markup_accepted(self, input_site):
        admin = session_for("admin")
        circular = admin.patch(
            input_site.circular.absolute_url(), json={"in_force": False}, timeout=60
        )
        text = {"data": "<p>ok</p>", "content-type": "text/html", "encoding": "UTF-8"}
        proposal = admin.patch(
            input_site.proposal.absolute_url(), json={"text": text}, timeout=60
        )
        assert (circular.status_code, proposal.status_code) == (204, 204)
        assert stored(input_site, "circular") is False
        assert stored(input_site, "proposal").raw == "<p>ok</p>"


class TestClassic:
    def test_unknown_markup_is_a_form_error(self, input_site):
        browser = session_for("admin")
        browser.headers["Accept"] = "text/html"
        url = f"{input_site.proposal.absolute_url()}/@@edit"
        page = browser.get(url, timeout=60)
        data = edit_form_data(
            page.text,
            **{
                "form.widgets.text": "<p>Texte</p>",
                "form.widgets.text.mimeType": "text/bogus",
                "form.buttons.save": "Enregistrer",
            },
        )
        before = input_site.mark()  # opening the form locks the item
        response = browser.post(url, data=data, allow_redirects=False, timeout=60)
        assert response.status_code == 200
        assert "format inconnu « text/bogus »" in html.unescape(response.text)
        assert not input_site.written_since(before)
