"""Author pages (``author/<login>``) only for authors of something the user sees.

Plone shows any member the full name (and a contact form) of any login typed
after ``author/``: one guess at a time, a list of the portal's users. The
page stays for what a byline links to: the author of an item the user may
view, the user's own page, and anyone for coordinators and administrators
(who may list members). Otherwise it is « not found », as for a login that
does not exist, so that it tells nothing either way.
"""

from pathlib import Path
from plone import api
from Products.CMFPlone import browser as plone_browser
from Products.CMFPlone.browser.author import AuthorView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from traite_portal.security.user_lists import may_list_members
from zExceptions import NotFound


PLONE_TEMPLATE = Path(plone_browser.__file__).parent / "templates" / "author.pt"


def authored_something_visible(username: str) -> bool:
    """Whether the user may view at least one item created by ``username``."""
    catalog = api.portal.get_tool("portal_catalog")
    return bool(catalog.searchResults(Creator=username, sort_limit=1)[:1])


class RestrictedAuthorView(AuthorView):
    """Plone's author page, not found when it would only reveal a user."""

    index = ViewPageTemplateFile(str(PLONE_TEMPLATE))

    def __call__(self):
        username = self.username
        current = api.user.get_current()
        if not (
            may_list_members()
            or (username and username == current.getId())
            or (username and authored_something_visible(username))
        ):
            raise NotFound(username or "author")
        return super().__call__()
