"""Fixtures of the bad-input tests: the site once per test class."""

from sec_input_site import build_input_site
from sec_input_site import class_layer
from sec_input_site import one_item_per_type

import pytest
import transaction


@pytest.fixture(scope="class")
def input_site(functional_class):
    """The input site, once for the test class."""
    with class_layer(functional_class) as portal:
        yield build_input_site(portal)


@pytest.fixture(scope="class")
def typed_items(functional_class):
    """One item of each type, once for the class (each test writes only its own)."""
    with class_layer(functional_class) as portal:
        items = one_item_per_type(portal)
        transaction.commit()
        yield items
