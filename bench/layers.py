"""Set up and tear down a plone.app.testing layer outside a test runner."""

import transaction


# The security implementation the portal was measured with (see set_up).
SECURITY_IMPLEMENTATION = "C"


def all_layers(layer) -> list:
    """The layer and its bases, bases first, each once."""
    ordered = []

    def visit(current):
        for base in current.__bases__:
            visit(base)
        if current not in ordered:
            ordered.append(current)

    visit(layer)
    return ordered


def set_up(layer) -> None:
    """Set ``layer`` up, then switch Zope's security checks back to their C
    implementation, as a real instance runs them: plone.testing's Zope layer
    chooses the pure Python one (easier to debug), several times slower on
    every request, which would time the tests' setting, not the portal."""
    from AccessControl.Implementation import setImplementation

    for current in all_layers(layer):
        current.setUp()
    layer.testSetUp()
    setImplementation(SECURITY_IMPLEMENTATION)


def tear_down(layer) -> None:
    transaction.abort()
    layer.testTearDown()
    for current in reversed(all_layers(layer)):
        current.tearDown()
