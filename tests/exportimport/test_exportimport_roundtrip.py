"""A site with every kind of state, exported, imported into an empty site.

The imported site is compared with the exported one by a deep, generic
picture (``exportimport_snapshot``): every attribute of every item, its
annotations, versions, catalog entry and relations, the users and groups,
the registry, the redirects and the change log. A corrupt or truncated
export is refused with a French message before anything is written.
"""

from exportimport_site import enrich
from exportimport_snapshot import differences
from exportimport_snapshot import site_picture
from persistent import Persistent
from plone import api
from traite_portal.changelog.consumers import register_consumer
from traite_portal.corpus.loader import default_corpus_path
from traite_portal.corpus.loader import import_corpus
from traite_portal.exportimport.changelog import export_changelog
from traite_portal.exportimport.changelog import rebuild_changelog
from traite_portal.exportimport.context import as_system
from traite_portal.exportimport.context import create_site
from traite_portal.exportimport.errors import ExportFormatError
from traite_portal.exportimport.manifest import file_record
from traite_portal.exportimport.site import export_site
from traite_portal.exportimport.site import import_site
from traite_portal.exportimport.site import read_export
from traite_portal.exportimport.steps import STEPS
from traite_portal.exportimport.typed import UnexportableValue
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite

import json
import pytest
import shutil


# The exported site is made as ``make site`` makes it (the distribution, then
# the corpus): the test layers' own site lacks the default workflow chain a
# new site gets, which the import would show as a difference.
SITE_INFO = {
    "title": "Traite",
    "description": "Portail",
    "language": "fr",
    "timezone": "Europe/Paris",
}


def _rich_site(app):
    with as_system():
        portal = create_site(app, "traite", SITE_INFO)
        setSite(portal)
        import_corpus(portal, default_corpus_path())
    return portal


def test_imported_site_is_identical(integration, tmp_path):
    app, request = integration["app"], integration["request"]
    portal = _rich_site(app)
    with api.env.adopt_roles(["Manager"]):
        enrich(portal)
    # As the export runs: cataloging an item that has no creator as a user
    # with an id (the test user) would make that user its creator.
    with as_system():
        before = site_picture(portal, refresh_catalog=True)
    export_site(portal, request, tmp_path / "export")
    app._delObject("traite", suppress_events=True)
    with api.env.adopt_roles(["Manager"]):
        report = import_site(app, "traite", tmp_path / "export", request)
        after = site_picture(app["traite"])
    assert set(report.counts) == {step.name for step in STEPS}
    found = differences(before, after)
    assert found == [], "\n".join(found)
    # The picture holds what the export must carry (not a vacuous comparison).
    items = [
        value for key, value in before.items() if key.startswith("/") and key != "/"
    ]
    assert any(item["versions"] for item in items)
    assert any(item["relations"]["from"] for item in items)
    kinds = {key for item in items for key in item["annotations"]}
    assert {"plone.app.discussion:conversation"} <= kinds
    assert "traite_portal.implementation_status" in kinds
    assert before["/"]["annotations"]["traite_portal.changelog"]
    assert before["redirects"]
    assert before["principals"]["source_users"]["_user_passwords"]


def _exported(integration, tmp_path):
    """A plain site's export (the bad-input tests spoil copies of it)."""
    portal = integration["portal"]
    with api.env.adopt_roles(["Manager"]):
        export_site(portal, integration["request"], tmp_path / "export")
    return portal


class Unknown(Persistent):
    """A stored value of a class the export does not know."""


def _truncate(folder, name):
    path = folder / name
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _reseal(folder, name):
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"][name] = file_record(folder / name)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def _truncate_and_reseal(folder, name):
    _truncate(folder, name)
    _reseal(folder, name)


def _other_format(folder, name):
    manifest = json.loads((folder / name).read_text())
    (folder / name).write_text(json.dumps({**manifest, "format": "plone.exportimport"}))


def _newer_version(folder, name):
    manifest = json.loads((folder / name).read_text())
    (folder / name).write_text(json.dumps({**manifest, "version": 99}))


# case -> (how the export is spoiled, which file, the message's words)
SPOILED = {
    "truncated": (_truncate, "content.json", "somme de contrôle différente"),
    "not-json": (_truncate_and_reseal, "principals.json", "n'est pas du JSON valide"),
    "missing-file": (
        lambda folder, name: (folder / name).unlink(),
        "versions.json",
        "fichier manquant : versions.json",
    ),
    "not-utf8": (
        lambda folder, name: (
            (folder / name).write_bytes(b"\xff\xfe"),
            _reseal(folder, name),
        ),
        "registry.json",
        "n'est pas du texte UTF-8",
    ),
    "other-format": (_other_format, "manifest.json", "ne décrit pas un export"),
    "newer-version": (_newer_version, "manifest.json", "version d'export 99"),
}


def test_spoiled_exports_are_refused_before_anything(integration, tmp_path):
    portal = _exported(integration, tmp_path)
    app = portal.aq_parent
    sites = sorted(app.objectIds())
    for case, (spoil, name, message) in SPOILED.items():
        folder = tmp_path / case
        shutil.copytree(tmp_path / "export", folder)
        spoil(folder, name)
        with pytest.raises(ExportFormatError, match=message):
            read_export(folder)
        with pytest.raises(ExportFormatError, match=message):
            import_site(app, f"copie-{case}", folder, portal.REQUEST)
        assert sorted(app.objectIds()) == sites, case


def test_failed_export_leaves_no_folder(integration, tmp_path):
    """A value the export cannot write stops it: no folder, no half-export."""
    portal = integration["portal"]
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id="dossier", title="Dossier")
    IAnnotations(folder)["un.module.inconnu"] = Unknown()
    with pytest.raises(UnexportableValue, match="non exportable"):
        export_site(portal, integration["request"], tmp_path / "export")
    assert list(tmp_path.iterdir()) == []


def test_export_into_a_non_empty_folder_is_refused(integration, tmp_path):
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "notes.txt").write_text("à garder")
    with pytest.raises(ExportFormatError, match="n'est pas vide"):
        export_site(
            integration["portal"],
            integration["request"],
            tmp_path / "export",
        )
    assert [p.name for p in (tmp_path / "export").iterdir()] == ["notes.txt"]


def test_resync_clients_gives_the_log_a_new_identity(integration):
    portal = integration["portal"]
    register_consumer(portal, "indexeur-externe", from_start=True)
    data = export_changelog(portal)
    kept = rebuild_changelog(data)
    assert (kept.log_id, kept.head) == (data["log_id"], data["head"])
    resynced = rebuild_changelog(data, resync_clients=True)
    assert resynced.log_id != data["log_id"]
    assert [c.cursor for c in resynced.consumers.values()] == [resynced.head]
