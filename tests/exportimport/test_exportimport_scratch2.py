from exportimport_site import enrich
from plone import api
from plone.dexterity.utils import iterSchemata
from traite_portal.exportimport.site import export_site, import_site
from Acquisition import aq_base

def test_scratch(corpus_integration, tmp_path):
    portal = corpus_integration["portal"]
    request = corpus_integration["request"]
    app = portal.aq_parent
    with api.env.adopt_roles(["Manager"]):
        obj = portal.restrictedTraverse("plan-action-2010/chapitre-1/mesure-1").objectValues()[0]
        path = obj.getPhysicalPath()[2:]
        print("OLD", obj.portal_type, [s.__identifier__ for s in iterSchemata(obj)], sorted(vars(aq_base(obj))))
        export_site(portal, request, tmp_path / "export")
        app._delObject(portal.getId(), suppress_events=True)
        import_site(app, "plone", tmp_path / "export", request)
        new = app["plone"].restrictedTraverse("/".join(path))
        print("NEW", new.portal_type, [s.__identifier__ for s in iterSchemata(new)], sorted(vars(aq_base(new))))
        fti = app["plone"].portal_types["Proposal"]
        print(fti.behaviors)
