"""Export a whole site to a folder; import a folder into a new site.

The export writes every step's file into a temporary folder beside the
target, the manifest last, then renames it: a folder that exists is complete.
The import checks the whole export first (manifest, checksums, JSON), then
creates the site and runs every step in the caller's transaction: the
caller commits once, or aborts and nothing is left (the site included).
"""

from dataclasses import dataclass
from pathlib import Path
from traite_portal.exportimport.context import as_system
from traite_portal.exportimport.context import automation_paused
from traite_portal.exportimport.context import create_site
from traite_portal.exportimport.errors import ExportFormatError
from traite_portal.exportimport.errors import ImportFailure
from traite_portal.exportimport.manifest import check_manifest
from traite_portal.exportimport.manifest import FORMAT
from traite_portal.exportimport.manifest import FORMAT_VERSION
from traite_portal.exportimport.manifest import MANIFEST
from traite_portal.exportimport.manifest import read_json
from traite_portal.exportimport.manifest import write_json
from traite_portal.exportimport.steps import filenames
from traite_portal.exportimport.steps import Run
from traite_portal.exportimport.steps import STEPS
from zope.component.hooks import setSite

import datetime
import os
import shutil
import tempfile


PROFILE = "traite_portal:default"


@dataclass
class Report:
    """What an export or import did: count per step, and remarks."""

    counts: dict
    notes: list

    def summary_line(self) -> str:
        return ", ".join(f"{name} {count}" for name, count in self.counts.items())


def _count(data) -> int:
    if isinstance(data, dict):
        # The versions, the users, the change log's entries: what a reader counts.
        for key in ("histories", "members", "entries"):
            if key in data:
                return len(data[key])
        return len(data)
    return len(data) if isinstance(data, list) else int(data is not None)


def site_info(portal) -> dict:
    """What the manifest says of the exported site (to create the new one)."""
    from plone import api

    setup = portal.portal_setup
    return {
        "id": portal.getId(),
        "title": portal.title,
        "description": portal.description,
        "language": api.portal.get_registry_record("plone.default_language"),
        "timezone": api.portal.get_registry_record("plone.portal_timezone"),
        "profile_version": setup.getLastVersionForProfile(PROFILE),
    }


def export_site(portal, request, target: Path, progress=None) -> Report:
    """Write the export of ``portal`` into the new folder ``target``."""
    if target.exists() and any(target.iterdir()):
        raise ExportFormatError(f"le dossier {target} existe et n'est pas vide")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        with as_system():
            return _export_steps(portal, request, target, work, progress)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _export_steps(portal, request, target: Path, work: Path, progress) -> Report:
    run = Run(portal, request)
    files, counts = {}, {}
    for step in STEPS:
        if progress is not None:
            progress.set_description(step.title)
        data = step.export(run)
        files[f"{step.name}.json"] = write_json(work / f"{step.name}.json", data)
        counts[step.name] = _count(data)
        if progress is not None:
            progress.update(1)
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": datetime.datetime.now(datetime.UTC).isoformat(),
        "site": site_info(portal),
        "counts": counts,
        "files": files,
    }
    write_json(work / MANIFEST, manifest)
    if target.exists():
        target.rmdir()
    os.replace(work, target)
    return Report(counts, [])


def read_export(directory: Path) -> tuple[dict, dict]:
    """The manifest and every step's data, once all are checked."""
    manifest = check_manifest(directory, filenames())
    data = {
        step.name: read_json(directory / f"{step.name}.json", step.name)
        for step in STEPS
    }
    return manifest, data


def import_site(
    app,
    site_id: str,
    directory: Path,
    request,
    progress=None,
    resync_clients=False,
    export: tuple[dict, dict] | None = None,
) -> Report:
    """Create ``site_id`` from the export in ``directory`` (no commit).

    ``export`` is ``read_export(directory)`` when the caller has read it.
    """
    manifest, data = export or read_export(directory)
    if site_id in app.objectIds():
        raise ExportFormatError(
            f"le site « {site_id} » existe déjà : l'import crée un site neuf"
        )
    with as_system():
        return _import_steps(
            app, site_id, manifest, data, request, progress, resync_clients
        )


def _import_steps(app, site_id, manifest, data, request, progress, resync_clients):
    portal = create_site(app, site_id, manifest["site"])
    setSite(portal)
    run = Run(
        portal,
        request,
        source_site=manifest["site"]["id"],
        resync_clients=resync_clients,
        progress=progress,
    )
    counts = {}
    with automation_paused(portal):
        for step in STEPS:
            if progress is not None:
                progress.set_description(step.title)
            counts[step.name] = _load_step(step, run, data[step.name])
            if progress is not None and step.name != "content":
                progress.update(1)
    return Report(counts, run.notes)


def _load_step(step, run, data) -> int:
    """One step's import; a malformed file it reads is named in French."""
    try:
        return step.load(run, data)
    except (ExportFormatError, ImportFailure):
        raise
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise ImportFailure(
            f"fichier {step.name}.json incohérent (étape « {step.title} ») : "
            f"{type(error).__name__} {error}"
        ) from error


def total_work(manifest: dict) -> int:
    """How far the import's progress bar goes: one per step, one per item."""
    return len(STEPS) - 1 + manifest["counts"]["content"]
