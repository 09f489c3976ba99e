"""The steps of an export and of an import, in import order: one table.

Each step writes one file of the export and reads it back; the pipeline
(``site``), the manifest check and docs/migration.md follow this table.
"""

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from plone.app.uuid.utils import uuidToObject
from plone.dexterity.interfaces import IDexterityContent
from Products.CMFCore.utils import getToolByName
from traite_portal.exportimport import annotations
from traite_portal.exportimport import attributes
from traite_portal.exportimport import changelog
from traite_portal.exportimport import discussion
from traite_portal.exportimport import principals
from traite_portal.exportimport import registry
from traite_portal.exportimport import structure
from traite_portal.exportimport import versions
from traite_portal.exportimport.content import SiteContentExport
from traite_portal.exportimport.content import SiteContentImport
from typing import NamedTuple


@dataclass
class Run:
    """One export or import: the site, a request, and its options."""

    portal: object
    request: object
    source_site: str = ""  # the exported site's id (import)
    resync_clients: bool = False
    progress: object = None  # a tqdm bar, or None
    notes: list[str] = field(default_factory=list)

    def items(self):
        """(UID, item) of every content item but the root, parents first."""
        catalog = getToolByName(self.portal, "portal_catalog")
        site_path = "/".join(self.portal.getPhysicalPath())
        for brain in catalog.unrestrictedSearchResults(path=site_path, sort_on="path"):
            if brain.getPath() == site_path:
                continue
            obj = brain._unrestrictedGetObject()
            if IDexterityContent.providedBy(obj):
                yield brain.UID, obj

    def find(self, uid: str):
        return uuidToObject(uid, unrestricted=True)

    def view(self, factory):
        return factory(self.portal, self.request)


class Step(NamedTuple):
    """One file of the export: what it holds, how to write and read it."""

    name: str  # the file is <name>.json
    title: str  # what the progress bar shows (French)
    export: Callable[[Run], object]
    load: Callable[[Run, object], int]


def _content_export(run: Run) -> list:
    return list(run.view(SiteContentExport).items())


def _content_import(run: Run, data: list) -> int:
    items = data
    if run.progress is not None:
        items = _advancing(data, run.progress)
    return run.view(SiteContentImport).run(items)


def _advancing(items, progress):
    for item in items:
        yield item
        progress.update(1)


def _registry_import(run: Run, data: dict) -> int:
    unknown = registry.import_registry(data)
    if unknown:
        run.notes.append(
            f"{len(unknown)} enregistrements du registre inconnus de ce site, "
            f"ignorés : {', '.join(unknown)}"
        )
    return len(data) - len(unknown)


def _view_step(name: str, title: str, exporter, importer) -> Step:
    """A step served by a pair of collective.exportimport views."""
    return Step(
        name,
        title,
        lambda run: run.view(exporter).data(),
        lambda run, data: run.view(importer).run(data),
    )


STEPS = (
    Step(
        "registry",
        "Registre",
        lambda run: registry.export_registry(),
        _registry_import,
    ),
    _view_step(
        "principals",
        "Utilisateurs et groupes",
        principals.PrincipalsExport,
        principals.PrincipalsImport,
    ),
    Step("content", "Contenus", _content_export, _content_import),
    _view_step(
        "relations", "Relations", structure.RelationsExport, structure.RelationsImport
    ),
    _view_step(
        "ordering",
        "Ordre des contenus",
        structure.OrderingExport,
        structure.OrderingImport,
    ),
    _view_step(
        "defaultpages",
        "Pages par défaut",
        structure.DefaultPagesExport,
        structure.DefaultPagesImport,
    ),
    Step(
        "versions",
        "Versions",
        lambda run: versions.export_versions(run.portal, run.items()),
        lambda run, data: versions.import_versions(run.portal, data, run.find),
    ),
    _view_step(
        "discussion",
        "Commentaires",
        discussion.DiscussionExport,
        discussion.DiscussionImport,
    ),
    Step(
        "annotations",
        "Annotations (historiques d'état…)",
        lambda run: annotations.export_annotations(run.items()),
        lambda run, data: annotations.import_annotations(run.items(), data),
    ),
    _view_step(
        "portlets", "Portlets", structure.PortletsExport, structure.PortletsImport
    ),
    Step(
        "redirects",
        "Redirections",
        lambda run: structure.export_redirects(run.portal),
        lambda run, data: structure.import_redirects(run.portal, data, run.source_site),
    ),
    _view_step(
        "localroles",
        "Rôles locaux",
        structure.LocalRolesExport,
        structure.LocalRolesImport,
    ),
    Step(
        "attributes",
        "Attributs, états et dates",
        lambda run: attributes.export_attributes(run.items()),
        lambda run, data: attributes.import_attributes(
            run.portal, run.items(), data, (run.source_site, run.portal.getId())
        ),
    ),
    Step(
        "changelog",
        "Journal des modifications",
        lambda run: changelog.export_changelog(run.portal),
        lambda run, data: changelog.restore_changelog(
            run.portal, data, run.resync_clients
        ),
    ),
)


def filenames() -> list[str]:
    """The data files of an export (the manifest apart)."""
    return [f"{step.name}.json" for step in STEPS]
