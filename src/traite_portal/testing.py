"""Test layers: integration (no server) and functional (real WSGI server)."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import plone.restapi
import traite_portal


class TraitePortalLayer(PloneSandboxLayer):
    """Plone with the add-on installed (no corpus: tests import it themselves)."""

    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=traite_portal)
        # What Plone's autoinclude loads as overrides in a real instance.
        self.loadZCML(package=traite_portal, name="overrides.zcml")

    def setUpPloneSite(self, portal):
        applyProfile(portal, "traite_portal:default")


FIXTURE = TraitePortalLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="TraitePortalLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="TraitePortalLayer:FunctionalTesting",
)


class TraitePortalCorpusLayer(PloneSandboxLayer):
    """The portal with the 2010 corpus imported once for the whole layer."""

    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        from plone import api
        from Products.CMFCore.indexing import processQueue
        from traite_portal.corpus.loader import default_corpus_path
        from traite_portal.corpus.loader import import_corpus

        with api.env.adopt_roles(["Manager"]):
            import_corpus(portal, default_corpus_path())
        # plone.app.testing commits the layer after unsetting the site; index
        # now, while the site's components (Dexterity defaults) are there.
        processQueue()


CORPUS_FIXTURE = TraitePortalCorpusLayer()

CORPUS_INTEGRATION_TESTING = IntegrationTesting(
    bases=(CORPUS_FIXTURE,),
    name="TraitePortalCorpusLayer:IntegrationTesting",
)

CORPUS_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(CORPUS_FIXTURE, WSGI_SERVER_FIXTURE),
    name="TraitePortalCorpusLayer:FunctionalTesting",
)
