from exportimport_site import enrich
from exportimport_snapshot import differences
from exportimport_snapshot import site_picture
from plone import api
from traite_portal.exportimport.site import as_system
from traite_portal.exportimport.site import create_site
from traite_portal.exportimport.site import export_site
from traite_portal.exportimport.site import import_site
from zope.component.hooks import setSite

import time


INFO = {
    "title": "Traite",
    "description": "Portail",
    "language": "fr",
    "timezone": "Europe/Paris",
}


def test_scratch(integration, tmp_path):
    from traite_portal.corpus.loader import default_corpus_path
    from traite_portal.corpus.loader import import_corpus

    request = integration["request"]
    app = integration["app"]
    t = time.time()
    with as_system():
        portal = create_site(app, "traite", INFO)
        setSite(portal)
        import_corpus(portal, default_corpus_path())
    print("site", time.time() - t)
    with api.env.adopt_roles(["Manager"]):
        enrich(portal)
        before = site_picture(portal)
        t = time.time()
        export_site(portal, request, tmp_path / "export")
        print("export", time.time() - t)
        app._delObject(portal.getId(), suppress_events=True)
        import traite_portal.exportimport.site as SI
        import traite_portal.exportimport.steps as S

        def wrap(step):
            def load(run, data):
                r = step.load(run, data)
                try:
                    print(
                        "AFTER",
                        step.name,
                        run.portal["documents"].modification_date._micros,
                    )
                except Exception as e:
                    print("AFTER", step.name, e)
                return r

            return step._replace(load=load)

        SI.STEPS = tuple(wrap(s) for s in S.STEPS)
        t = time.time()
        import_site(app, "traite", tmp_path / "export", request)
        print("import", time.time() - t)
        after = site_picture(app["traite"])
    diffs = differences(before, after)
    open("/tmp/ei/diffs.txt", "w").write("\n".join(diffs))
    print(len(diffs))
    import shutil

    shutil.rmtree("/tmp/ei/export", ignore_errors=True)
    shutil.copytree(tmp_path / "export", "/tmp/ei/export")
