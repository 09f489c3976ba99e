"""The wheel ships the real profile and model files behind the symlinks."""

from pathlib import Path

import pytest
import subprocess
import sys
import zipfile


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = out.glob("traite_portal-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _expected(folder: str) -> list[str]:
    base = ROOT / folder
    return sorted(
        f"traite_portal/{folder}/{p.relative_to(base)}"
        for p in base.rglob("*")
        if p.is_file()
    )


class TestWheel:
    def test_symlinks_are_relative(self):
        for name in ("profiles", "content_types"):
            link = ROOT / "src" / "traite_portal" / name
            assert link.is_symlink()
            assert str(link.readlink()) == f"../../{name}"

    @pytest.mark.parametrize("path", _expected("profiles"))
    def test_profile_file_in_wheel(self, wheel_names, path):
        assert path in wheel_names

    @pytest.mark.parametrize("path", _expected("content_types"))
    def test_model_in_wheel(self, wheel_names, path):
        assert path in wheel_names

    def test_metadata_and_every_model(self, wheel_names):
        assert "traite_portal/profiles/default/metadata.xml" in wheel_names
        models = {
            n for n in wheel_names if n.startswith("traite_portal/content_types/")
        }
        assert len(models) == len(list((ROOT / "content_types").glob("*.xml"))) == 12

    def test_distribution_files_in_wheel(self, wheel_names):
        base = "traite_portal/distributions/traite/"
        assert base + "profiles.json" in wheel_names
        assert base + "schema.json" in wheel_names
