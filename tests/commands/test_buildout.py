"""buildout.cfg builds the same instance: site created, served, read over HTTP.

Runs the commands of buildout.cfg's header in a copy of the project, in a fresh
virtualenv, as a buildout user would.
"""

from pathlib import Path
from servers import free_port
from servers import serving

import os
import pytest
import requests
import shutil
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
IGNORED = (
    ".venv",
    ".venv-buildout",
    "var",
    "bin",
    "parts",
    "eggs",
    "develop-eggs",
    ".git",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
)


def _run(args, cwd, env=None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def buildout(tmp_path_factory):
    project = tmp_path_factory.mktemp("buildout") / "project"
    shutil.copytree(
        ROOT, project, symlinks=True, ignore=shutil.ignore_patterns(*IGNORED)
    )
    venv = project / ".venv-buildout"
    _run([sys.executable, "-m", "venv", str(venv)], project)
    _run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "-q",
            "-c",
            "constraints.txt",
            "setuptools",
            "zc.buildout==6.0.1",
        ],
        project,
    )
    port = free_port()
    _run(
        [
            str(venv / "bin" / "buildout"),
            "instance:user=admin:secret-de-test",
            f"instance:http-address={port}",
        ],
        project,
    )
    return {"project": project, "port": port}


@pytest.fixture(scope="module")
def served(buildout):
    project = buildout["project"]
    setup = _run(
        [
            str(project / "bin" / "traite-setup"),
            "-c",
            "parts/instance/etc/zope.conf",
            "--password-file",
            "var/admin-password",
        ],
        project,
        env={"ADMIN_PASSWORD": "secret"},
    )
    url = f"http://localhost:{buildout['port']}"
    with serving([str(project / "bin" / "instance"), "fg"], project, url):
        yield url, setup.stdout


class TestBuildout:
    def test_same_pins_as_pip(self, buildout):
        installed = buildout["project"] / ".installed.cfg"
        assert installed.exists()
        eggs = {
            p.name.split("-")[0].lower(): p.name.split("-")[1]
            for p in (buildout["project"] / "eggs").rglob("*.egg")
        }
        assert eggs["products.cmfplone"] == "6.2.2"
        assert eggs["plone.restapi"] == "10.0.4"

    def test_site_created_and_served(self, served):
        url, setup_output = served
        assert "Site « traite » créé avec le corpus." in setup_output
        data = requests.get(
            f"{url}/traite/plan-action-2010/chapitre-1/mesure-1",
            headers={"Accept": "application/json"},
            timeout=60,
        ).json()
        assert data["number"] == 1
        page = requests.get(f"{url}/traite/plan-action-2010", timeout=60)
        assert page.status_code == 200
        assert 'lang="fr"' in page.text
