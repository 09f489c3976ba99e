"""Breadcrumbs that never show an item the user may not view.

Plone's ``breadcrumbs_view`` lists every parent without checking ``View``:
a public text inside a private folder would reveal the folder's title, in
the Classic breadcrumbs and in REST ``@breadcrumbs`` alike.
"""

from AccessControl import getSecurityManager
from Products.CMFPlone.browser.navigation import get_view_url
from Products.CMFPlone.browser.navigation import PhysicalNavigationBreadcrumbs


class ViewableBreadcrumbs(PhysicalNavigationBreadcrumbs):
    """Plone's breadcrumbs minus the items the user may not view."""

    def breadcrumbs(self) -> tuple[dict, ...]:
        # The parents' crumbs come from this same view, so each level filters
        # itself out.
        crumbs = tuple(super().breadcrumbs())
        if getSecurityManager().checkPermission("View", self.context):
            return crumbs
        url = get_view_url(self.context)[1]
        return tuple(crumb for crumb in crumbs if crumb["absolute_url"] != url)
