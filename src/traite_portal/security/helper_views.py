"""Views that are not pages: answered 404 when a URL names them (one table).

Plone registers as browser views some things that code renders with its own
arguments: macros, mail bodies, helpers of other views. Published from a URL
they fail (``KeyError: 'options'``, « View not callable ») with a 500. They
stay available to the code that uses them (templates and Python look them up
directly, not through a URL). Adding views (``+``) and views that read the
path after their name are pages only with that path.
"""

from typing import NamedTuple


class Helper(NamedTuple):
    """A view that is not a page, and why."""

    name: str
    why: str
    needs_path: bool = False  # a page when more of the path follows it


HELPERS = (
    *(
        Helper(name, "Macros for other templates.")
        for name in ("ploneform-macros", "manage-portlets-macros", "traite-macros")
    ),
    *(
        Helper(name, "A mail body, rendered by the code that sends it.")
        for name in (
            "mail_password_template",
            "registered_notify_template",
            "author-feedback-template",
            "contact-info-email",
        )
    ),
    Helper(
        "plone.outputfilters_captioned_image",
        "The figure of the image caption filter, rendered by the filter.",
    ),
    *(
        Helper(name, "PlonePAS helpers for code (« View not callable »).")
        for name in ("pas_info", "pas_member", "pas_search")
    ),
    Helper("images-test", "plone.namedfile's demonstration page of image scales."),
    Helper(
        "display_query_results",
        "Rendered by the collection widget with the results it passes.",
    ),
    Helper("+", "Zope's adding view: +/<type> adds.", needs_path=True),
    Helper("+rule", "Adds a content rule: +rule/<type>.", needs_path=True),
    Helper("text-transform", "text-transform/<field>/<type> renders a field.", True),
    Helper("redirect-to-uuid", "redirect-to-uuid/<uid> redirects.", needs_path=True),
)
_BY_NAME = {helper.name: helper for helper in HELPERS}


def is_helper(name: str, last: bool) -> bool:
    """Whether a path segment names a view that is not a page there."""
    helper = _BY_NAME.get(name.removeprefix("@@"))
    return helper is not None and (last or not helper.needs_path)
