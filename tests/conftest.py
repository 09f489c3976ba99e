"""pytest-plone fixtures bound to the portal's layers."""

from pytest_plone import fixtures_factory
from traite_portal.testing import FUNCTIONAL_TESTING
from traite_portal.testing import INTEGRATION_TESTING


pytest_plugins = ["pytest_plone"]


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)
