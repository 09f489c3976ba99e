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


def work_unit(nodeid: str) -> str:
    """What one xdist worker runs whole: a module, or a folder of
    ``_SERIAL_FOLDERS`` (``tests/commands/test_x.py::test_y`` → ``commands``)."""
    path = nodeid.split("::", 1)[0]
    parts = path.split("/")
    if len(parts) > 2 and parts[0] == "tests" and parts[1] in _SERIAL_FOLDERS:
        return parts[1]
    return path


def pytest_xdist_make_scheduler(config, log):
    """Modules (and the serial folders) as xdist's work units, in collection order.

    pytest-xdist's ``loadgroup`` marks a test's group by renaming its node id,
    which pytest 9 ignores (``Node.nodeid`` no longer reads ``_nodeid``):
    every test became its own unit, so modules were split across workers
    and the serial folders ran on two at once. Its ``loadscope`` scheduler
    with our own scopes does the same without renaming anything. Units are
    sent in collection order (the serial folders first, then by layer), not
    largest first, so that consecutive modules share their layer.
    """
    from xdist.scheduler import LoadScopeScheduling

    class ModuleScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    config.option.loadscopereorder = False
    return ModuleScheduling(config, log)


def _layer_of(item, layers_by_fixture: dict):
    """The most specific test layer whose fixtures ``item`` uses, or None."""
    used = {
        layers_by_fixture[name]
        for name in getattr(item, "fixturenames", ())
        if name in layers_by_fixture
    }
    return max(used, key=lambda layer: len(getmro(layer)), default=None)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Tell zope.pytestlayer each test's layer; once it has ordered the tests
    by layer, put the serial folders first.

    zope.pytestlayer keeps a layer set up between two tests only when the
    next test names its layer (``item.layer``); pytest-style tests that
    reach their layer through fixtures do not, so without this every class
    and module would set up Zope, Plone and our profile again (10 to 20 s).
    The serial folders' long commands start first, on a worker of their own.
    """
    layers_by_fixture = {
        name: layer
        for layer, scopes in layer_fixtures.LAYERS.items()
        if layer is not object
        for name in scopes.values()
    }
    for item in items:
        if getattr(getattr(item, "cls", None), "layer", None) is None:
            layer = _layer_of(item, layers_by_fixture)
            if layer is not None:
                item.layer = layer
    result = yield
    items.sort(key=lambda item: work_unit(item.nodeid) not in _SERIAL_FOLDERS)
    return result


# Layers kept for many modules hold on to memory (a worker reached 9 GB in a
# full run): above this resident size, the layers are torn down between two
# modules and set up again for the next one.
MAX_RSS_MB = int(os.environ.get("TRAITE_TEST_MAX_RSS_MB", "4000"))


def _rss_mb() -> int:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 2**20


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Between two modules, past ``MAX_RSS_MB``: let every layer go.

    zope.pytestlayer keeps the layers the next test names (``nextitem.layer``);
    hiding that name during this test's teardown makes it tear them down.
    """
    hidden = None
    if (
        nextitem is not None
        and nextitem.path != item.path
        and "layer" in nextitem.__dict__
        and _rss_mb() > MAX_RSS_MB
    ):
        hidden = nextitem.__dict__.pop("layer")
    try:
        return (yield)
    finally:
        if hidden is not None:
            nextitem.layer = hidden
