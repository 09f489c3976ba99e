"""The index of published names behind ``refuse_unpublishable`` is built once.

The site's component registry comes wrapped in the site, a new wrapper at
each request: an index kept by the wrapper was built again at every request
(about 700 registrations read each time) and never freed.
"""

from Acquisition import aq_base
from traite_portal.security import features
from zope.component import getSiteManager


def test_the_index_is_kept_on_the_site_registry(integration):
    portal = integration["portal"]
    # Two lookups, each through a new wrapper of the same registry.
    first, second = portal.getSiteManager(), portal.getSiteManager()
    assert first is not second
    assert aq_base(first) is aq_base(second) is aq_base(getSiteManager())
    index = features._index()
    assert features._index() is index
    assert getattr(aq_base(first), features.INDEX_ATTRIBUTE) is index
    # What it indexes: the services and views of the site, by published name.
    assert "@akn-documents" in index
    assert "@changes" in index
    assert "view" in index
    assert "@@view" not in index
