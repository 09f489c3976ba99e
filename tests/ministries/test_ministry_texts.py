"""A ministry's own texts: its editors draft and submit, its reviewers publish."""

from ministry_users import session_for
from plone import api

import pytest
import transaction


def workflow(session, obj, transition: str):
    return session.post(f"{obj.absolute_url()}/@workflow/{transition}", timeout=30)


def search_ids(session, portal, **query) -> list[str]:
    response = session.get(
        f"{portal.absolute_url()}/@search",
        params={"portal_type": "Circular", **query},
        timeout=30,
    )
    assert response.status_code == 200, response.text[:2000]
    return [item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]]


def allowed_roles_and_users(obj) -> set[str]:
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=api.content.get_uuid(obj))
    return set(catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"])


class TestCircularOfAMinistry:
    @pytest.mark.parametrize(
        ("username", "expected"),
        [
            ("justice-editor", 204),
            ("interieur-editor", 401),
            ("justice-reviewer", 401),
            ("interieur-reviewer", 401),
        ],
    )
    def test_edit_draft(self, ministry_site, username, expected):
        circular = ministry_site["circular"]
        response = session_for(username).patch(
            circular.absolute_url(), json={"title": "Titre révisé"}, timeout=30
        )
        assert response.status_code == expected

    @pytest.mark.parametrize(
        ("username", "expected"),
        [
            ("justice-editor", 200),
            ("justice-reviewer", 200),
            ("interieur-editor", 401),
            ("interieur-reviewer", 401),
            (None, 401),
        ],
    )
    def test_view_draft(self, ministry_site, username, expected):
        circular = ministry_site["circular"]
        response = session_for(username).get(circular.absolute_url(), timeout=30)
        assert response.status_code == expected

    def test_submit_then_publish_by_its_own_reviewer(self, ministry_site):
        circular = ministry_site["circular"]
        other = workflow(session_for("interieur-editor"), circular, "submit")
        assert other.status_code == 401
        submitted = workflow(session_for("justice-editor"), circular, "submit")
        assert submitted.status_code == 200, submitted.text[:2000]
        assert submitted.json()["review_state"] == "pending"

        refused = workflow(session_for("interieur-reviewer"), circular, "publish")
        assert refused.status_code == 401
        # The editor reads the pending text but the transition is not offered.
        own_editor = workflow(session_for("justice-editor"), circular, "publish")
        assert own_editor.status_code == 400
        published = workflow(session_for("justice-reviewer"), circular, "publish")
        assert published.status_code == 200, published.text[:2000]
        assert published.json()["review_state"] == "published"
        assert session_for(None).get(circular.absolute_url(), timeout=30).ok

    def test_catalog_security_follows_the_ministry(self, ministry_site):
        portal, circular = ministry_site["portal"], ministry_site["circular"]
        transaction.begin()
        allowed = allowed_roles_and_users(circular)
        assert {"user:min-justice-editors", "user:min-justice-reviewers"} <= allowed
        assert "user:min-interieur-editors" not in allowed
        assert search_ids(session_for("justice-editor"), portal) == ["circulaire"]
        assert search_ids(session_for("interieur-editor"), portal) == []

        # A Manager hands the text to the interior ministry: roles and the
        # catalog follow at once.
        session_for("admin").patch(
            circular.absolute_url(), json={"ministry": "min-interieur"}, timeout=30
        ).raise_for_status()
        assert search_ids(session_for("justice-editor"), portal) == []
        assert search_ids(session_for("interieur-editor"), portal) == ["circulaire"]
        response = session_for("interieur-editor").patch(
            circular.absolute_url(), json={"title": "Repris"}, timeout=30
        )
        assert response.status_code == 204
        transaction.begin()
        allowed = allowed_roles_and_users(circular)
        assert "user:min-interieur-reviewers" in allowed
        assert "user:min-justice-editors" not in allowed


class TestAddingTexts:
    @pytest.mark.parametrize("portal_type", ["Circular", "NationalText"])
    def test_editor_adds_a_text_of_its_ministry(self, ministry_site, portal_type):
        library = ministry_site["library"]
        response = session_for("justice-editor").post(
            library.absolute_url(),
            json={"@type": portal_type, "title": f"Nouveau texte {portal_type}"},
            timeout=30,
        )
        assert response.status_code == 201, response.text[:2000]
        data = response.json()
        assert data["ministry"]["token"] == "min-justice"
        assert data["review_state"] == "draft"
        transaction.begin()
        text = api.content.get(path=data["@id"].split("/plone", 1)[1])
        allowed = allowed_roles_and_users(text)
        assert "user:min-justice-reviewers" in allowed
        assert "user:min-interieur-editors" not in allowed
        # Another ministry's reviewer may not even read it.
        reader = session_for("interieur-reviewer").get(data["@id"], timeout=30)
        assert reader.status_code == 401
        reviewer = session_for("justice-reviewer").get(data["@id"], timeout=30)
        assert reviewer.status_code == 200

    @pytest.mark.parametrize("username", ["justice-reviewer", None])
    def test_others_may_not_add(self, ministry_site, username):
        library = ministry_site["library"]
        response = session_for(username).post(
            library.absolute_url(),
            json={"@type": "Circular", "title": "Essai"},
            timeout=30,
        )
        assert response.status_code == 401
