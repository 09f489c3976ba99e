"""The export's manifest: its format, version, and each file's checksum.

An export is a folder of JSON files, one per step, and ``manifest.json``
written last: the format marker, the format version, the exported site
(id, title, language, time zone, profile version) and, for each file, its
size and SHA-256. Before an import touches anything, every file is read,
checked against the manifest and parsed; any difference is refused with a
French message.
"""

from pathlib import Path

import hashlib
import json


FORMAT = "traite-portal-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def file_record(path: Path) -> dict:
    """Size and SHA-256 of a file, as the manifest lists them."""
    content = path.read_bytes()
    return {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def write_json(path: Path, data) -> dict:
    """Write ``data`` to ``path`` (UTF-8 JSON); its manifest record."""
    with path.open("w", encoding="utf-8") as stream:
        json.dump(data, stream, ensure_ascii=False, indent=1)
    return file_record(path)


def read_json(path: Path, label: str):
    """The JSON data of ``path``, or ``ExportFormatError`` in French."""
    from traite_portal.exportimport.errors import ExportFormatError

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExportFormatError(f"fichier manquant : {label}") from None
    except UnicodeDecodeError:
        raise ExportFormatError(f"{label} n'est pas du texte UTF-8") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ExportFormatError(
            f"{label} n'est pas du JSON valide (ligne {error.lineno}, "
            f"colonne {error.colno} : {error.msg}) ; l'export est-il tronqué ?"
        ) from None


def check_manifest(directory: Path, filenames: list[str]) -> dict:
    """The manifest of ``directory`` once every file matches it."""
    from traite_portal.exportimport.errors import ExportFormatError

    if not directory.is_dir():
        raise ExportFormatError(f"dossier d'export introuvable : {directory}")
    manifest = read_json(directory / MANIFEST, MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ExportFormatError(
            f"{MANIFEST} ne décrit pas un export du portail (format attendu : "
            f"« {FORMAT} »)"
        )
    if manifest.get("version") != FORMAT_VERSION:
        raise ExportFormatError(
            f"version d'export {manifest.get('version')!r} non prise en charge "
            f"(version attendue : {FORMAT_VERSION})"
        )
    listed = manifest.get("files")
    if not isinstance(listed, dict) or sorted(listed) != sorted(filenames):
        raise ExportFormatError(f"la liste des fichiers de {MANIFEST} est incomplète")
    for name in filenames:
        path = directory / name
        if not path.is_file():
            raise ExportFormatError(f"fichier manquant : {name}")
        if file_record(path) != listed[name]:
            raise ExportFormatError(
                f"somme de contrôle différente pour {name} : fichier modifié "
                "ou tronqué depuis l'export"
            )
    return manifest
