"""The French catalogue: every message id of the add-on is in it, and it is used."""

from i18ndude.catalog import MessageCatalog
from traite_portal.locales.catalogue import extract
from traite_portal.locales.catalogue import PO_FILE
from traite_portal.vocabularies.controlled import proposal_kinds
from zope.i18n import translate

import pytest


@pytest.fixture(scope="module")
def catalogue():
    return MessageCatalog(filename=str(PO_FILE))


class TestCatalogue:
    def test_every_message_id_is_in_the_catalogue(self, catalogue):
        used = set(extract())
        assert len(used) > 300
        assert sorted(used - set(catalogue)) == []

    def test_every_message_is_translated(self, catalogue):
        assert [m for m, entry in catalogue.items() if m and not entry.msgstr] == []


class TestCompiledCatalogue:
    def test_ids_without_default_are_french(self, integration):
        # No default given: only the compiled catalogue can answer.
        message = translate("kind_remark", domain="traite_portal", target_language="fr")
        assert message == "Remarque"
        heading = translate(
            "heading_plan_glance", domain="traite_portal", target_language="fr"
        )
        assert heading == "Le plan en un coup d'œil"

    def test_vocabulary_titles_are_text_not_ids(self, integration):
        titles = {term.value: term.title for term in proposal_kinds(None)}
        assert titles["remark"] == "Remarque"
        assert str(titles["amendment"]) == "Amendement"
