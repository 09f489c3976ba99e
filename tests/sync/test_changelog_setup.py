"""The log on new sites (profile), on existing ones (upgrade 1008), and the corpus."""

from AccessControl.SpecialUsers import nobody
from plone import api
from sync_helpers import log_of
from traite_portal.changelog.records import CREATED
from traite_portal.changelog.settings import IChangeLogSettings
from traite_portal.changelog.settings import PREFIX
from traite_portal.changelog.storage import ANNOTATION_KEY
from traite_portal.changelog.storage import get_changelog
from traite_portal.corpus.loader import default_corpus_path
from traite_portal.corpus.loader import import_corpus
from zope.annotation.interfaces import IAnnotations

import transaction


PROFILE = "traite_portal:default"
PERMISSION = "traite_portal: Read changes"


def records() -> dict:
    return {
        name: api.portal.get_registry_record(f"{PREFIX}.{name}", default=None)
        for name in IChangeLogSettings.names()
    }


class TestNewSite:
    def test_profile_creates_the_log(self, integration):
        log = log_of(integration["portal"])
        assert (log.head, len(log), log.pruned_upto) == (0, 0, 0)

    def test_settings_have_their_defaults(self, integration):
        assert records() == {
            name: IChangeLogSettings[name].default for name in IChangeLogSettings
        }

    def test_everyone_may_read_the_feed(self, integration):
        with api.env.adopt_user(user=nobody):
            assert api.user.has_permission(PERMISSION, obj=integration["portal"])

    def test_reapplying_the_profile_keeps_log_and_settings(self, integration):
        portal = integration["portal"]
        log_id = log_of(portal).log_id
        api.portal.set_registry_record(f"{PREFIX}.retention_days", 7)
        setup = api.portal.get_tool("portal_setup")
        setup.runAllImportStepsFromProfile(f"profile-{PROFILE}")
        assert log_of(portal).log_id == log_id
        assert records()["retention_days"] == 7


class TestUpgrade1008:
    def test_upgrade_creates_the_log_with_what_exists(self, integration):
        portal = integration["portal"]
        with api.env.adopt_roles(["Manager"]):
            doc = api.content.create(portal, "Document", id="d", title="D")
        del IAnnotations(portal)[ANNOTATION_KEY]
        registry = api.portal.get_tool("portal_registry")
        for name in IChangeLogSettings:
            del registry.records[f"{PREFIX}.{name}"]
        portal.manage_permission(PERMISSION, ["Manager"], acquire=False)
        setup = api.portal.get_tool("portal_setup")
        setup.setLastVersionForProfile(PROFILE, "1002")
        assert get_changelog(portal) is None

        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (
            setup.getVersionForProfile(PROFILE),
        )
        log = log_of(portal)
        state = log.last_state(doc.UID())
        assert (state.path, state.portal_type) == ("/d", "Document")
        assert state.visibility.tokens == tuple(
            sorted(api.portal.get_tool("portal_catalog").getIndexDataForUID(
                "/".join(doc.getPhysicalPath()))["allowedRolesAndUsers"])
        )  # fmt: skip
        assert len(log) == 0
        assert len(log.last) == 1  # the document, not the site root
        assert None not in records().values()
        with api.env.adopt_user(user=nobody):
            assert api.user.has_permission(PERMISSION, obj=portal)


class TestCorpus:
    def test_import_gives_one_entry_per_item(self, corpus_integration):
        portal = corpus_integration["portal"]
        log = log_of(portal)
        changes = list(log.changes(0))
        uids = [c.uid for c in changes]
        catalog = api.portal.get_tool("portal_catalog")
        site_path = "/".join(portal.getPhysicalPath())
        brains = catalog.unrestrictedSearchResults(path=site_path)
        content = {b.UID for b in brains if b.getPath() != site_path}
        assert len(uids) == len(set(uids)) == len(content) > 150
        assert set(uids) == content
        assert {c.kinds for c in changes} == {CREATED}

    def test_reimport_of_the_same_corpus_records_nothing(self, corpus_functional):
        portal = corpus_functional["portal"]
        head = log_of(portal).head
        with api.env.adopt_roles(["Manager"]):
            import_corpus(portal, default_corpus_path())
        transaction.commit()
        assert log_of(portal).head == head
