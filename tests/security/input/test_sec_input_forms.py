"""The limits on the other write paths: Classic forms, comments, status comments.

Each path refuses one character over the limit with the French message and
writes nothing, and saves a value at the limit.
"""

from plone import api
from sec_input_site import edit_form_data
from sec_input_site import session_for
from sec_input_site import TYPE_NAMES
from sec_input_site import written_since
from traite_portal.security.limits import limit

import html
import pytest
import transaction


def browser(username: str):
    session = session_for(username)
    session.headers["Accept"] = "text/html"
    return session


def save_edit_form(item, **changes: str):
    """Open the item's Classic edit form as admin and save it with ``changes``.

    Returns the answer and the last transaction before saving (opening the
    form writes: it locks the item).
    """
    admin = browser("admin")
    page = admin.get(f"{item.absolute_url()}/@@edit", timeout=60)
    assert page.status_code == 200, page.text[:500]
    data = edit_form_data(page.text, **changes, **{"form.buttons.save": "Enregistrer"})
    opened = item._p_jar.db().lastTransaction()
    response = admin.post(
        f"{item.absolute_url()}/@@edit", data=data, allow_redirects=False, timeout=120
    )
    return response, opened


def page_text(response) -> str:
    """The page's text, or a REST answer's message."""
    if response.headers.get("Content-Type", "").startswith("application/json"):
        return response.json().get("message", "")
    return html.unescape(response.text)


def text_of(size: int) -> str:
    return "x" * size


class TestClassicEditForm:
    @pytest.mark.parametrize("type_name", TYPE_NAMES)
    def test_title_over_the_limit_is_a_form_error(self, typed_items, type_name):
        item = typed_items[type_name]
        response, before = save_edit_form(
            item, **{"form.widgets.IDublinCore.title": text_of(1001)}
        )
        assert response.status_code == 200, response.status_code
        assert "est trop long : 1001 caractères, au plus 1000." in page_text(response)
        assert not written_since(item._p_jar.db(), before)

    @pytest.mark.parametrize("type_name", TYPE_NAMES)
    def test_title_at_the_limit_saved(self, typed_items, type_name):
        item = typed_items[type_name]
        response, _before = save_edit_form(
            item, **{"form.widgets.IDublinCore.title": text_of(1000)}
        )
        assert response.status_code == 302, page_text(response)[-3000:]
        transaction.begin()
        assert item.title == text_of(1000)

    @pytest.mark.parametrize(
        ("widget", "limit_name"),
        [("form.widgets.text", "rich_text"), ("form.widgets.target_paragraph", "text")],
    )
    def test_proposal_texts(self, typed_items, widget, limit_name):
        item = typed_items["Proposal"]
        size = limit(limit_name).value
        db = item._p_jar.db()
        refused, before = save_edit_form(item, **{widget: text_of(size + 1)})
        assert f"{size + 1} caractères, au plus {size}." in page_text(refused)
        assert not written_since(db, before)
        saved, before = save_edit_form(item, **{widget: text_of(size)})
        assert saved.status_code == 302
        assert db.lastTransaction() != before


class TestComments:
    def post_classic(self, proposal, text: str):
        admin = browser("admin")
        page = admin.get(proposal.absolute_url(), timeout=60)
        form = edit_form_data(page.text, form_id=None)
        form.update({"form.widgets.text": text, "form.buttons.comment": "Commenter"})
        return admin.post(
            f"{proposal.absolute_url()}/view",
            data=form,
            allow_redirects=False,
            timeout=60,
        )

    def post_rest(self, proposal, text: str):
        return session_for("admin").post(
            f"{proposal.absolute_url()}/@comments", json={"text": text}, timeout=60
        )

    @pytest.mark.parametrize("path", ["classic", "rest"])
    def test_comment_limit(self, input_site, path):
        post = self.post_classic if path == "classic" else self.post_rest
        size = limit("comment").value
        # Plone writes when it first renders the page (portlet assignments).
        browser("admin").get(input_site.proposal.absolute_url(), timeout=60)
        before = input_site.mark()
        refused = post(input_site.proposal, text_of(size + 1))
        assert refused.status_code in (200, 400)
        assert f"Commentaire trop long : {size + 1} caractères, au plus {size}." in (
            page_text(refused)
        )
        assert not input_site.written_since(before)
        saved = post(input_site.proposal, text_of(size))
        assert saved.status_code in (201, 204, 302), page_text(saved)[-2000:]
        assert input_site.mark() != before


class TestStatusComments:
    def test_rest(self, input_site):
        url = f"{input_site.measure.absolute_url()}/@implementation-status"
        editor = session_for("editrice")
        size = limit("status_comment").value
        before = input_site.mark()
        refused = editor.post(
            url, json={"status": "done", "comment": text_of(size + 1)}, timeout=60
        )
        assert refused.status_code == 400
        assert (
            f"Commentaire trop long : {size + 1} caractères, au plus {size}."
            in (refused.json()["error"]["message"])
        )
        assert not input_site.written_since(before)
        saved = editor.post(
            url, json={"status": "done", "comment": text_of(size)}, timeout=60
        )
        assert saved.status_code == 200, saved.text[:500]

    def test_classic_form(self, input_site):
        form_url = f"{input_site.measure.absolute_url()}/@@implementation-status"
        editor = browser("editrice")
        size = limit("status_comment").value
        marks = []

        def submit(comment: str):
            page = editor.get(form_url, timeout=60)
            marks.append(input_site.mark())  # the first page render writes
            data = edit_form_data(page.text)
            data.update(
                {
                    "form.widgets.status:list": "in_progress",
                    "form.widgets.comment": comment,
                    "form.buttons.save": "Enregistrer",
                }
            )
            return editor.post(form_url, data=data, allow_redirects=False, timeout=60)

        refused = submit(text_of(size + 1))
        assert f"Commentaire trop long : {size + 1} caractères" in page_text(refused)
        assert not input_site.written_since(marks[-1])
        assert submit(text_of(size)).status_code == 302
        transaction.begin()
        assert api.content.get(UID=input_site.measure.UID()).implementation_status == (
            "in_progress"
        )
