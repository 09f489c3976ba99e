"""The timeline's storage and the local-role providers, in process."""

from borg.localrole.interfaces import ILocalRoleProvider
from plone import api
from traite_portal.interfaces import IMeasure
from traite_portal.ministries import history
from traite_portal.ministries.history import ANNOTATION_KEY
from zope.annotation.interfaces import IAnnotations
from zope.component import getAdapter
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


PROVIDER = "traite_portal.ministries"


def provided_roles(obj) -> dict[str, tuple[str, ...]]:
    return dict(getAdapter(obj, ILocalRoleProvider, name=PROVIDER).getAllRoles())


@pytest.fixture
def measure(integration, create_measure):
    return create_measure(
        integration["portal"], responsible_bodies=["min-justice", "premier-ministre"]
    )


class TestHistoryStorage:
    def test_creation_is_not_a_change(self, measure):
        assert history.history(measure) == []
        assert history.known_status(measure) == "not_started"

    def test_set_status_records_and_reindexes(self, measure):
        with api.env.adopt_user(username="admin"):
            entry = history.set_status(measure, "done", "Fait.")
        assert entry["previous"] == "not_started"
        assert entry["actor"] == "admin"
        assert history.history(measure) == [entry]
        brains = api.content.find(implementation_status="done")
        assert [b.getObject() for b in brains] == [measure]

    def test_measure_older_than_the_timeline(self, measure):
        del IAnnotations(measure)[ANNOTATION_KEY]
        measure.title = "Titre modifié"
        notify(ObjectModifiedEvent(measure, Attributes(IMeasure, "title")))
        assert history.history(measure) == []
        measure.implementation_status = "in_progress"
        notify(
            ObjectModifiedEvent(measure, Attributes(IMeasure, "implementation_status"))
        )
        (entry,) = history.history(measure)
        assert (entry["previous"], entry["status"]) == (None, "in_progress")

    def test_adding_a_proposal_records_nothing(self, measure):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(measure, "Proposal", title="Remarque")
        assert history.history(measure) == []

    @pytest.mark.parametrize(
        ("status", "comment", "message"),
        [
            ("bogus", "x", "error_unknown_status"),
            (None, "x", "error_unknown_status"),
            ("done", "", "error_status_comment_required"),
            ("done", " \n", "error_status_comment_required"),
            ("not_started", "x", "error_status_unchanged"),
            ("done", "x", None),
        ],
    )
    def test_change_error(self, measure, status, comment, message):
        error = history.change_error(measure, status, comment)
        assert (error if error is None else str(error)) == message


class TestProviders:
    def test_measure_gives_its_ministries_editor_role(self, measure):
        # "premier-ministre" is not a ministry: it has no group.
        assert provided_roles(measure) == {"min-justice-editors": ("MinistryEditor",)}

    @pytest.mark.parametrize(
        ("portal_type", "ministry", "expected"),
        [
            (
                "Circular",
                "min-sante",
                {
                    "min-sante-editors": ("MinistryEditor",),
                    "min-sante-reviewers": ("MinistryReviewer",),
                },
            ),
            (
                "NationalText",
                "min-travail",
                {
                    "min-travail-editors": ("MinistryEditor",),
                    "min-travail-reviewers": ("MinistryReviewer",),
                },
            ),
            ("Circular", "miprof", {}),
            ("Circular", None, {}),
            ("Convention", None, {}),
        ],
    )
    def test_text_gives_its_ministry_roles(
        self, integration, portal_type, ministry, expected
    ):
        portal = integration["portal"]
        with api.env.adopt_roles(["Manager"]):
            library = api.content.create(portal, "TextLibrary", title="Textes")
            fields = {"ministry": ministry} if ministry else {}
            text = api.content.create(library, portal_type, title="Texte", **fields)
        assert provided_roles(text) == expected

    def test_library_lets_every_ministry_add(self, integration):
        with api.env.adopt_roles(["Manager"]):
            library = api.content.create(
                integration["portal"], "TextLibrary", title="Textes"
            )
        roles = provided_roles(library)
        assert roles["min-justice-editors"] == ("Contributor",)
        assert len(roles) == 8
        assert all(group.endswith("-editors") for group in roles)
