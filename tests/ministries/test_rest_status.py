"""``@implementation-status`` over real HTTP, as real members of ministry groups."""

from ministry_users import session_for
from plone import api

import pytest
import transaction


def status_url(measure) -> str:
    return f"{measure.absolute_url()}/@implementation-status"


class TestRestStatusChange:
    def test_editor_updates_a_measure_of_its_ministry(self, ministry_site):
        measure = ministry_site["justice_measure"]
        response = session_for("justice-editor").post(
            status_url(measure),
            json={"status": "in_progress", "comment": "Décret en préparation."},
            timeout=30,
        )
        assert response.status_code == 200, response.text[:2000]
        data = response.json()
        assert data["status"] == "in_progress"
        entry = data["entry"]
        assert entry["previous"] == "not_started"
        assert entry["actor"] == "justice-editor"
        assert entry["actor_fullname"] == "Jeanne Justice"
        assert entry["comment"] == "Décret en préparation."
        assert entry["date"].endswith("+00:00")

        public = session_for(None).get(status_url(measure), timeout=30)
        assert public.status_code == 200
        assert public.json()["status"] == "in_progress"
        assert public.json()["history"] == [entry]

    @pytest.mark.parametrize(
        ("username", "expected"),
        [
            ("interieur-editor", 401),
            ("justice-reviewer", 401),
            (None, 401),
        ],
    )
    def test_others_may_not_update(self, ministry_site, username, expected):
        measure = ministry_site["justice_measure"]
        response = session_for(username).post(
            status_url(measure),
            json={"status": "done", "comment": "Essai."},
            timeout=30,
        )
        assert response.status_code == expected
        transaction.begin()
        assert measure.implementation_status == "not_started"

    def test_editor_refused_on_a_measure_led_by_another_ministry(self, ministry_site):
        measure = ministry_site["interieur_measure"]
        response = session_for("justice-editor").post(
            status_url(measure),
            json={"status": "done", "comment": "Pas la mienne."},
            timeout=30,
        )
        assert response.status_code == 401
        public = session_for(None).get(status_url(measure), timeout=30).json()
        assert public == {
            "@id": status_url(measure),
            "status": "not_started",
            "history": [],
        }

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ({"status": "finished", "comment": "x"}, "État inconnu : « finished »"),
            ({"comment": "x"}, "État inconnu"),
            ({"status": "done"}, "commentaire obligatoire"),
            ({"status": "done", "comment": "   "}, "commentaire obligatoire"),
            ({"status": "not_started", "comment": "x"}, "déjà dans cet état"),
        ],
    )
    def test_bad_requests_in_french(self, ministry_site, body, message):
        measure = ministry_site["justice_measure"]
        response = session_for("justice-editor").post(
            status_url(measure), json=body, timeout=30
        )
        assert response.status_code == 400
        assert message in response.json()["error"]["message"]
        history = session_for(None).get(status_url(measure), timeout=30).json()
        assert history["history"] == []


class TestOtherChangesRecorded:
    def test_manager_patch_is_recorded_without_comment(self, ministry_site):
        measure = ministry_site["justice_measure"]
        response = session_for("admin").patch(
            measure.absolute_url(), json={"implementation_status": "done"}, timeout=30
        )
        assert response.status_code == 204, response.text[:2000]
        history = session_for(None).get(status_url(measure), timeout=30).json()
        (entry,) = history["history"]
        assert entry["status"] == "done"
        assert entry["previous"] == "not_started"
        assert entry["comment"] == ""
        assert entry["actor"] == "admin"

    def test_patch_of_other_fields_records_nothing(self, ministry_site):
        measure = ministry_site["justice_measure"]
        response = session_for("admin").patch(
            measure.absolute_url(), json={"title": "Nouveau titre"}, timeout=30
        )
        assert response.status_code == 204
        history = session_for(None).get(status_url(measure), timeout=30).json()
        assert history["history"] == []

    def test_editor_cannot_patch_the_field(self, ministry_site):
        measure = ministry_site["justice_measure"]
        response = session_for("justice-editor").patch(
            measure.absolute_url(), json={"implementation_status": "done"}, timeout=30
        )
        assert response.status_code == 401
        transaction.begin()
        assert measure.implementation_status == "not_started"

    def test_catalog_reflects_the_new_status(self, ministry_site):
        measure = ministry_site["justice_measure"]
        session_for("justice-editor").post(
            status_url(measure),
            json={"status": "abandoned", "comment": "Remplacée par la mesure 2."},
            timeout=30,
        ).raise_for_status()
        portal_url = ministry_site["portal"].absolute_url()
        found = session_for(None).get(
            f"{portal_url}/@search",
            params={
                "portal_type": "Measure",
                "implementation_status": "abandoned",
                "metadata_fields": "implementation_status",
            },
            timeout=30,
        )
        items = found.json()["items"]
        assert [i["@id"] for i in items] == [measure.absolute_url()]
        assert items[0]["implementation_status"] == "abandoned"
        transaction.begin()
        brains = api.content.find(
            portal_type="Measure", implementation_status="not_started"
        )
        assert [b.getId for b in brains] == ["m2"]

    def test_expandable_in_the_measure_serialization(self, ministry_site):
        measure = ministry_site["justice_measure"]
        session_for("justice-editor").post(
            status_url(measure),
            json={"status": "in_progress", "comment": "Lancée."},
            timeout=30,
        ).raise_for_status()
        plain = session_for(None).get(measure.absolute_url(), timeout=30).json()
        component = plain["@components"]["implementation-status"]
        assert component == {"@id": status_url(measure)}
        expanded = (
            session_for(None)
            .get(
                measure.absolute_url(),
                params={"expand": "implementation-status"},
                timeout=30,
            )
            .json()["@components"]["implementation-status"]
        )
        assert expanded["status"] == "in_progress"
        assert expanded["history"][0]["comment"] == "Lancée."


class TestResponsibleBodiesDecide:
    def test_roles_follow_a_change_of_responsible_bodies(self, ministry_site):
        measure = ministry_site["justice_measure"]
        session_for("admin").patch(
            measure.absolute_url(),
            json={"responsible_bodies": ["min-interieur"]},
            timeout=30,
        ).raise_for_status()
        body = {"status": "in_progress", "comment": "Reprise par l'intérieur."}
        former = session_for("justice-editor").post(
            status_url(measure), json=body, timeout=30
        )
        assert former.status_code == 401
        new = session_for("interieur-editor").post(
            status_url(measure), json=body, timeout=30
        )
        assert new.status_code == 200
        assert new.json()["entry"]["actor_fullname"] == "Ivan Intérieur"
