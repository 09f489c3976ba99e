"""``@@implementation-status`` and the timeline on the measure page, over HTTP."""

from html_forms import form_fields
from ministry_users import session_for

import pytest
import re
import transaction


def browser_for(username: str | None):
    session = session_for(username)
    session.headers["Accept"] = "text/html"
    return session


def authenticator(html: str) -> str:
    match = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token in the form"
    return match.group(1)


def submit_form(username: str, measure, status: str, comment: str):
    """Open the form as the user, then post it with its CSRF token."""
    browser = browser_for(username)
    form_url = f"{measure.absolute_url()}/@@implementation-status"
    page = browser.get(form_url, timeout=30)
    assert page.status_code == 200, page.text[:2000]
    return browser.post(
        form_url,
        data={
            "form.widgets.status:list": status,
            "form.widgets.status-empty-marker": "1",
            "form.widgets.comment": comment,
            "form.buttons.save": "Enregistrer",
            "_authenticator": authenticator(page.text),
        },
        allow_redirects=False,
        timeout=30,
    )


class TestStatusForm:
    def test_form_in_french(self, ministry_site):
        measure = ministry_site["justice_measure"]
        page = browser_for("justice-editor").get(
            f"{measure.absolute_url()}/@@implementation-status", timeout=30
        )
        assert page.status_code == 200
        assert "Mettre à jour l'état de mise en œuvre" in page.text
        assert "Pourquoi ?" in page.text
        assert "Non commencée" in page.text

    def test_editor_updates_through_the_form(self, ministry_site):
        measure = ministry_site["justice_measure"]
        response = submit_form(
            "justice-editor", measure, "in_progress", "Circulaire signée le 3 mai."
        )
        assert response.status_code == 302, response.text[:2000]
        assert response.headers["Location"] == measure.absolute_url()
        transaction.begin()
        assert measure.implementation_status == "in_progress"
        (entry,) = (
            session_for(None)
            .get(f"{measure.absolute_url()}/@implementation-status", timeout=30)
            .json()["history"]
        )
        assert entry["actor"] == "justice-editor"
        assert entry["comment"] == "Circulaire signée le 3 mai."

    def test_comment_is_mandatory(self, ministry_site):
        measure = ministry_site["justice_measure"]
        response = submit_form("justice-editor", measure, "done", "")
        assert response.status_code == 200
        assert re.search(
            r'class="[^"]*\berror\b[^"]*" id="formfield-form-widgets-comment"',
            response.text,
        )
        transaction.begin()
        assert measure.implementation_status == "not_started"

    def test_same_status_refused(self, ministry_site):
        measure = ministry_site["justice_measure"]
        response = submit_form("justice-editor", measure, "not_started", "Rien.")
        assert response.status_code == 200
        assert "La mesure est déjà dans cet état." in response.text

    @pytest.mark.parametrize(
        ("username", "measure_key"),
        [
            ("justice-editor", "interieur_measure"),
            ("interieur-editor", "justice_measure"),
            ("justice-reviewer", "justice_measure"),
            (None, "justice_measure"),
        ],
    )
    def test_form_refused(self, ministry_site, username, measure_key):
        measure = ministry_site[measure_key]
        response = browser_for(username).get(
            f"{measure.absolute_url()}/@@implementation-status",
            allow_redirects=False,
            timeout=30,
        )
        # Plone answers a browser without the permission with its login page.
        assert response.status_code == 302
        assert "/require_login?came_from=" in response.headers["Location"]


class TestTimeline:
    def test_timeline_newest_first_for_everyone(self, ministry_site):
        measure = ministry_site["justice_measure"]
        submit_form("justice-editor", measure, "in_progress", "Décret en cours.")
        submit_form("justice-editor", measure, "done", "Décret publié au JO.")
        page = browser_for(None).get(measure.absolute_url(), timeout=30)
        assert page.status_code == 200
        html = page.text
        assert "Historique de l'état de mise en œuvre" in html
        newest = html.index("Décret publié au JO.")
        oldest = html.index("Décret en cours.")
        assert newest < oldest
        assert html.count("Jeanne Justice") == 2
        transition = r'{}</span>\s*→\s*<span class="status">{}'
        assert re.search(transition.format("Non commencée", "En cours"), html)
        assert re.search(transition.format("En cours", "Réalisée"), html)
        assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT[\d:]+\+00:00">', html)
        # Anonymous sees the history, not the button.
        assert "@@implementation-status" not in html

    def test_editor_sees_the_button(self, ministry_site):
        measure = ministry_site["justice_measure"]
        page = browser_for("justice-editor").get(measure.absolute_url(), timeout=30)
        assert f"{measure.absolute_url()}/@@implementation-status" in page.text
        assert "Aucun changement d'état enregistré." in page.text

    def test_change_without_comment_shown_so(self, ministry_site):
        measure = ministry_site["justice_measure"]
        session_for("admin").patch(
            measure.absolute_url(), json={"implementation_status": "done"}, timeout=30
        ).raise_for_status()
        page = browser_for(None).get(measure.absolute_url(), timeout=30)
        assert "(sans commentaire)" in page.text
        assert "Réalisée" in page.text


class TestEditForm:
    def test_edit_form_change_is_recorded(self, ministry_site):
        measure = ministry_site["justice_measure"]
        browser = browser_for("admin")
        page = browser.get(f"{measure.absolute_url()}/@@edit", timeout=30)
        assert page.status_code == 200
        fields = form_fields(page.text)
        assert fields["form.widgets.implementation_status:list"] == ["not_started"]
        fields["form.widgets.implementation_status:list"] = ["in_progress"]
        fields["form.buttons.save"] = ["Save"]
        response = browser.post(
            f"{measure.absolute_url()}/@@edit",
            data=fields,
            allow_redirects=False,
            timeout=30,
        )
        assert response.status_code == 302, response.text[:3000]
        transaction.begin()
        assert measure.implementation_status == "in_progress"
        assert measure.responsible_bodies == ["min-justice", "premier-ministre"]
        (entry,) = (
            session_for(None)
            .get(f"{measure.absolute_url()}/@implementation-status", timeout=30)
            .json()["history"]
        )
        assert (entry["previous"], entry["status"]) == ("not_started", "in_progress")
        assert (entry["actor"], entry["comment"]) == ("admin", "")
