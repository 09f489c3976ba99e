"""What the view guard (``view_guard.py``) lets through: one table, with reasons.

``docs/security.md`` lists the same entries; ``tests/security`` checks each.
"""

from Products.CMFCore.interfaces import ISiteRoot
from typing import NamedTuple


class Unguarded(NamedTuple):
    """One exception to the view guard and why it is safe."""

    what: str
    why: str


UNGUARDED = (
    Unguarded(
        "the site root",
        "The portal's home page is public: its title and description are the "
        "portal's, and login, logout, password reset, the contact form, the "
        "search and the static resources are published there. It is never "
        "taken as a hidden item, so these stay reachable.",
    ),
    Unguarded(
        "CORS preflight (OPTIONS with Access-Control-Request-Method)",
        "Browsers send it without credentials before a cross-origin REST call; "
        "it answers CORS headers only, never the item. Refusing it would break "
        "the REST call that follows, made with the user's credentials.",
    ),
)


def is_unguarded_item(obj) -> bool:
    """Whether the guard never takes ``obj`` for a hidden item (the site root)."""
    return ISiteRoot.providedBy(obj)


def is_unguarded_request(request) -> bool:
    """Whether the request is a CORS preflight."""
    return (
        request.get("REQUEST_METHOD") == "OPTIONS"
        and request.getHeader("Access-Control-Request-Method") is not None
    )
