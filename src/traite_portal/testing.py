"""Test layers: integration (no server) and functional (real WSGI server)."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGIServer
from zope.component import provideHandler
from ZPublisher.interfaces import IPubFailure

import os
import plone.restapi
import sys
import traceback
import traite_portal


def print_server_errors(event) -> None:
    """A request of the test server that fails on an unexpected exception
    prints its traceback: a test that gets a 500 over HTTP shows why in its
    report (« Captured stderr »), where the answer says only the message."""
    if event.retry:
        return  # a conflict, tried again
    kind, error, trace = event.exc_info
    status = getattr(error, "getStatus", lambda: 500)()
    if isinstance(status, int) and status < 500:
        return  # not found, unauthorized, bad request, redirect…
    method = event.request.get("REQUEST_METHOD", "")
    url = event.request.get("ACTUAL_URL", "")
    print(f"Erreur du serveur de test : {method} {url}", file=sys.stderr)
    traceback.print_exception(kind, error, trace, file=sys.stderr)


class TraitePortalLayer(PloneSandboxLayer):
    """Plone with the add-on installed (no corpus: tests import it themselves)."""

    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # Compile the French catalogue as a Zope instance does (zope.conf).
        os.environ.setdefault("zope_i18n_compile_mo_files", "true")
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=traite_portal)
        # What Plone's autoinclude loads as overrides in a real instance.
        self.loadZCML(package=traite_portal, name="overrides.zcml")
        provideHandler(print_server_errors, (IPubFailure,))

    def setUpPloneSite(self, portal):
        applyProfile(portal, "traite_portal:default")


FIXTURE = TraitePortalLayer()


def create_private_folder(portal, title: str):
    """A private folder ``prive`` > public library ``biblio`` > published circular.

    For tests of what a visible item reveals of a hidden container (as
    Manager, inside a layer's setup). Folders have no workflow on this site:
    the folder is hidden by its own permission settings.
    """
    from plone import api

    folder = api.content.create(portal, "Folder", id="prive", title=title)
    library = api.content.create(folder, "TextLibrary", id="biblio", title="Biblio")
    circular = api.content.create(
        library, "Circular", id="circulaire", title="Circulaire visible"
    )
    api.content.transition(obj=circular, to_state="published")
    for permission in ("View", "Access contents information"):
        folder.manage_permission(permission, ["Manager", "Site Administrator"], 0)
    folder.reindexObjectSecurity()
    return folder


class PeopledSiteLayer(PloneSandboxLayer):
    """A site built once, then only read by its tests (the permission matrix,
    the view and sharing columns): a second association, named by the
    subclass's ``other_association``, is added to the registry and the
    portal's groups exist before ``populate(portal)`` adds the layer's users
    and items, as Manager; the items are indexed at the end."""

    defaultBases = (FIXTURE,)
    other_association = ""

    def setUpPloneSite(self, portal):
        from plone import api
        from plone.app.testing import login
        from plone.app.testing import setRoles
        from plone.app.testing import TEST_USER_ID
        from plone.app.testing import TEST_USER_NAME
        from Products.CMFCore.indexing import processQueue
        from traite_portal.groups import ensure_groups
        from traite_portal.vocabularies.associations import REGISTRY_RECORD

        setRoles(portal, TEST_USER_ID, ["Manager"])
        login(portal, TEST_USER_NAME)
        names = api.portal.get_registry_record(REGISTRY_RECORD)
        api.portal.set_registry_record(
            REGISTRY_RECORD, [*names, self.other_association]
        )
        ensure_groups()
        self.populate(portal)
        login(portal, TEST_USER_NAME)
        # plone.app.testing commits the layer after unsetting the site: a
        # queue processed then indexes without the site's components (no
        # Dexterity defaults, so no exclude_from_nav / is_default_page).
        processQueue()
        setRoles(portal, TEST_USER_ID, ["Member"])

    def populate(self, portal) -> None:
        """The layer's own users and items (the test user is Manager)."""
        raise NotImplementedError


class FreePortWSGIServer(WSGIServer):
    """plone.testing's WSGI server layer, started on a free port each time.

    plone.testing keeps the port its server first got and binds it again at
    the layer's next set-up (another layer of the same worker): by then an
    outgoing connection of any process (a search server's client, a
    benchmark) may hold it, and the set-up fails with « Address already in
    use ». A port set in the environment (``WSGI_SERVER_PORT``) is kept.
    """

    def tearDown(self):
        super().tearDown()
        # The class's host and port (from the environment) again, not the
        # instance's (the last server's).
        self.__dict__.pop("host", None)
        self.__dict__.pop("port", None)


WSGI_SERVER_FIXTURE = FreePortWSGIServer(name="TraitePortal:WSGIServer")


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
