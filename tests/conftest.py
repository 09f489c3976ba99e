"""pytest-plone fixtures bound to the portal's layers."""

from pytest_plone import fixtures_factory
from traite_portal.testing import CORPUS_FUNCTIONAL_TESTING
from traite_portal.testing import CORPUS_INTEGRATION_TESTING
from traite_portal.testing import FUNCTIONAL_TESTING
from traite_portal.testing import INTEGRATION_TESTING


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
