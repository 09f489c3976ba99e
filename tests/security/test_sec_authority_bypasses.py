"""The issue's "signing as someone else" attacks, replayed over REST.

Another association took over a shared proposal by PATCHing ``associations``
and retracted it; a member created a proposal in another association's name,
PATCHed ``creators`` to another user; a ministry editor created a circular for
another ministry. Each is now a clear French 400 (or an ignored field) and
nothing is written.
"""

from plone import api
from sec_sharing_people import create_as
from sec_sharing_people import created_url
from sec_sharing_people import INTERIEUR
from sec_sharing_people import item_at
from sec_sharing_people import JUSTICE
from sec_sharing_people import people_site  # noqa: F401 (fixture « site »)
from sec_sharing_people import proposal_data
from sec_sharing_people import session_for
from sec_sharing_people import TIMEOUT
from sec_sharing_people import TOKEN_A
from sec_sharing_people import TOKEN_B
from sec_sharing_people import transition_as


REFUSED = {400, 401, 403}


def _patch(username: str, url: str, data: dict):
    return session_for(username).patch(url, json=data, timeout=TIMEOUT)


def _french_400(response) -> str:
    """The message of a REST 400 (plone.restapi lists the field errors in it)."""
    assert response.status_code == 400, response.text[:500]
    return response.json()["message"]


class TestTakeOverOfSharedProposal:
    def test_other_association_cannot_rename_authors_then_retract(self, site):
        measure_url = site["measure"].absolute_url()
        url = created_url(create_as("alice", measure_url, proposal_data("Partagée")))
        assert transition_as("alice", url, "share").status_code == 200
        # plone.restapi ignores a field one may not write: 204, nothing set.
        response = _patch("bruno", url, {"associations": [TOKEN_B]})
        assert response.status_code == 204, response.text[:500]
        assert item_at(url).associations == [TOKEN_A]
        assert transition_as("bruno", url, "retract").status_code in REFUSED
        assert api.content.get_state(item_at(url)) == "shared"

    def test_other_association_may_still_co_edit_the_text(self, site):
        measure_url = site["measure"].absolute_url()
        url = created_url(create_as("alice", measure_url, proposal_data("Co-écrite")))
        assert transition_as("alice", url, "share").status_code == 200
        assert _patch("bruno", url, {"title": "Co-écrite par B"}).status_code == 204
        assert item_at(url).Title() == "Co-écrite par B"


class TestSigningAsAnotherAssociation:
    def test_member_cannot_create_in_another_associations_name(self, site):
        measure = site["measure"]
        data = proposal_data("Au nom de B", associations=[TOKEN_B])
        text = _french_400(create_as("alice", measure.absolute_url(), data))
        assert "association" in text
        assert "au-nom-de-b" not in item_at(measure.absolute_url()).objectIds()

    def test_member_cannot_add_another_association_later(self, site):
        measure_url = site["measure"].absolute_url()
        url = created_url(create_as("alice", measure_url, proposal_data("À étendre")))
        _french_400(_patch("alice", url, {"associations": [TOKEN_A, TOKEN_B]}))
        assert item_at(url).associations == [TOKEN_A]


class TestSigningAsAnotherUser:
    def test_member_cannot_patch_creators(self, site):
        measure_url = site["measure"].absolute_url()
        url = created_url(create_as("alice", measure_url, proposal_data("Signée")))
        _french_400(_patch("alice", url, {"creators": ["bruno"]}))
        assert item_at(url).creators == ("alice",)

    def test_member_cannot_create_with_another_creator(self, site):
        measure = site["measure"]
        data = proposal_data("Signée par B", creators=["bruno"])
        _french_400(create_as("alice", measure.absolute_url(), data))
        assert "signee-par-b" not in item_at(measure.absolute_url()).objectIds()


class TestCircularOfAnotherMinistry:
    def test_editor_cannot_create_for_another_ministry(self, site):
        library = site["library"]
        data = {"@type": "Circular", "title": "Pour l'intérieur", "ministry": INTERIEUR}
        text = _french_400(create_as("justine", library.absolute_url(), data))
        assert "ministère" in text
        assert "pour-linterieur" not in item_at(library.absolute_url()).objectIds()

    def test_editor_cannot_hand_a_draft_to_another_ministry(self, site):
        library_url = site["library"].absolute_url()
        data = {"@type": "Circular", "title": "Justice", "ministry": JUSTICE}
        url = created_url(create_as("justine", library_url, data))
        _french_400(_patch("justine", url, {"ministry": INTERIEUR}))
        assert item_at(url).ministry == JUSTICE
