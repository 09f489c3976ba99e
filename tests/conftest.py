"""pytest-plone fixtures bound to the portal's layers."""

from plone import api
from pytest_plone import fixtures_factory
from traite_portal.testing import CORPUS_FUNCTIONAL_TESTING
from traite_portal.testing import CORPUS_INTEGRATION_TESTING
from traite_portal.testing import FUNCTIONAL_TESTING
from traite_portal.testing import INTEGRATION_TESTING
from zope.pytestlayer import fixture as layer_fixtures
from zope.pytestlayer._compat import getmro

import pytest


pytest_plugins = ["pytest_plone"]


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
