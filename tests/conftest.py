"""pytest-plone fixtures bound to the portal's layers."""

from pathlib import Path
from plone import api
from pytest_plone import fixtures_factory
from traite_portal.testing import CORPUS_FUNCTIONAL_TESTING
from traite_portal.testing import CORPUS_INTEGRATION_TESTING
from traite_portal.testing import FUNCTIONAL_TESTING
from traite_portal.testing import INTEGRATION_TESTING
from zope.pytestlayer import fixture as layer_fixtures
from zope.pytestlayer._compat import getmro

import os
import pytest
import subprocess


pytest_plugins = ["pytest_plone"]
ROOT = Path(__file__).resolve().parent.parent


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
            (CORPUS_INTEGRATION_TESTING, "corpus_integration"),
            (CORPUS_FUNCTIONAL_TESTING, "corpus_functional"),
        ),
        # The layers share the stacked ZODB resource: keeping them all set up
        # for the session would let one layer's content leak into another.
        keep_session=False,
    )
)


@pytest.fixture(scope="session")
def create_measure():
    """Factory: ``create_measure(portal, **fields)`` makes plan/ch/m as Manager
    (session-scoped: a class's or module's site fixture may use it).

    The plan is ``plan``, its chapter ``ch`` (number 1) and the measure ``m``
    (number 1 unless ``fields`` says otherwise); returns the measure.
    """

    def create(portal, **fields):
        with api.env.adopt_roles(["Manager"]):
            plan = api.content.create(portal, "ActionPlan", id="plan", title="Plan")
            chapter = api.content.create(
                plan, "Chapter", id="ch", title="Chapitre", number=1, roman_number="I"
            )
            values = {"id": "m", "title": "Mesure", "number": 1, **fields}
            return api.content.create(chapter, "Measure", **values)

    return create


@pytest.fixture
def run_bench(tmp_path):
    """Factory: ``run_bench(target, marker, doc_variable, **env)`` runs ``make
    <target>`` as a user would, its table written into a temporary page named
    by ``doc_variable`` (tests never write into the project).

    Checks that only the block between the marker's start and end changed and
    that the table has the columns of the committed docs/benchmarks.md;
    returns (rows without the header, the block's text, make's stdout).
    """

    def cells(page: str, start: str, end: str) -> tuple[list[list[str]], str]:
        block = page.split(start, 1)[1].split(end, 1)[0]
        rows = [
            [cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in block.splitlines()
            if line.startswith("|")
        ]
        return rows, block

    def run(target: str, marker: str, doc_variable: str, **env: str):
        start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
        doc = tmp_path / "benchmarks.md"
        doc.write_text(f"# Pages\n\nAvant.\n\n{start}\nancien\n{end}\n\nAprès.\n")
        done = subprocess.run(
            ["make", "--no-print-directory", target],
            cwd=ROOT,
            env={**os.environ, **env, doc_variable: str(doc)},
            capture_output=True,
            text=True,
            timeout=1800,
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        page = doc.read_text()
        assert page.startswith("# Pages\n\nAvant.\n\n" + start)
        assert page.endswith(end + "\n\nAprès.\n")
        assert "ancien" not in page
        (header, _, *rows), block = cells(page, start, end)
        committed = (ROOT / "docs" / "benchmarks.md").read_text()
        assert cells(committed, start, end)[0][0] == header
        return rows, block, done.stdout

    return run


# Folders whose tests share files of the project (var/, build/, dist/, the
# instance that `make` targets create): one worker runs each of them whole.
_SERIAL_FOLDERS = ("commands", "packaging")


def _layer_of(item):
    """The most specific test layer whose fixtures ``item`` uses, or None."""
    names = set(getattr(item, "fixturenames", ()))
    used = [
        layer
        for layer, scopes in layer_fixtures.LAYERS.items()
        if layer is not object and names & set(scopes.values())
    ]
    return max(used, key=lambda layer: len(getmro(layer)), default=None)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Tell zope.pytestlayer each test's layer, then group tests for xdist.

    zope.pytestlayer keeps a layer set up between two tests only when the
    next test names its layer (``item.layer``); pytest-style tests that
    reach their layer through fixtures do not, so without this every class
    and module would set up Zope, Plone and our profile again (10 to 20 s).
    With it, zope.pytestlayer also orders the tests by layer, and a layer
    stays up while the tests that follow need it.
    """
    for item in items:
        if getattr(getattr(item, "cls", None), "layer", None) is None:
            layer = _layer_of(item)
            if layer is not None:
                item.layer = layer
    _group_for_xdist(config, items)


def _group_for_xdist(config, items):
    """Group tests for pytest-xdist's ``--dist loadgroup``.

    A module's tests stay on one worker (its layer is set up once there);
    the folders in ``_SERIAL_FOLDERS`` run whole on one worker.
    """
    tests_root = config.rootpath / "tests"
    for item in items:
        try:
            relative = item.path.relative_to(tests_root)
        except ValueError:
            continue
        group = str(relative)
        if relative.parts[0] in _SERIAL_FOLDERS:
            group = relative.parts[0]
        item.add_marker(pytest.mark.xdist_group(group))
