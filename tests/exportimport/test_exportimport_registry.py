"""Registry values of an export: set when the site has the record, else named.

docs/migration.md: records the new site does not have (an add-on that is
not installed, a record a later version removed) are left out and named in
the import's remarks.
"""

from plone import api
from traite_portal.exportimport.steps import Run
from traite_portal.exportimport.steps import STEPS
from traite_portal.exportimport.typed import encode


def test_unknown_records_are_named_and_known_ones_set(integration):
    (step,) = (step for step in STEPS if step.name == "registry")
    run = Run(integration["portal"], integration["request"])
    data = {
        "plone.site_title": encode("Titre importé"),
        "un.module.absent.reglage": encode(42),
    }
    assert step.load(run, data) == 1
    assert api.portal.get_registry_record("plone.site_title") == "Titre importé"
    assert len(run.notes) == 1
    assert "un.module.absent.reglage" in run.notes[0]
    assert "inconnus de ce site, ignorés" in run.notes[0]
