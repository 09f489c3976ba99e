"""Permalinks by identifier: ``/mesure/12``, ``/ecli/<ECLI>``… redirect to the item.

An unknown identifier gets a French 404 page saying what was looked for.
"""

from plone import api
from Products.Five.browser import BrowserView
from traite_portal import _
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


def _measure(value: str) -> dict:
    return (
        {"portal_type": "Measure", "measure_number": int(value)}
        if value.isdigit()
        else {}
    )


def _chapter(value: str) -> dict:
    return (
        {"portal_type": "Chapter", "getId": f"chapitre-{int(value)}"}
        if value.isdigit()
        else {}
    )


def _identifier(value: str) -> dict:
    return {"legal_identifiers": value} if value else {}


# view name -> (catalog query for a value, French name of what is looked for)
PERMALINKS = {
    "mesure": (_measure, _("permalink_measure", default="la mesure n° ${value}")),
    "chapitre": (_chapter, _("permalink_chapter", default="le chapitre ${value}")),
    "ecli": (_identifier, _("permalink_ecli", default="l'arrêt d'ECLI ${value}")),
    "celex": (
        _identifier,
        _("permalink_celex", default="le texte de numéro CELEX ${value}"),
    ),
    "nor": (_identifier, _("permalink_nor", default="le texte de numéro NOR ${value}")),
    "requete": (
        _identifier,
        _("permalink_application", default="l'arrêt sur la requête n° ${value}"),
    ),
}


@implementer(IPublishTraverse)
class Permalink(BrowserView):
    """Takes the rest of the path as the identifier (an ECLI has colons, an
    application number a slash: « 25965/04 »)."""

    kind = ""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.segments: list[str] = []

    def publishTraverse(self, request, name):
        self.segments.append(name)
        return self

    def value(self) -> str:
        return "/".join(self.segments).strip()

    def find(self):
        query_for, _label = PERMALINKS[self.kind]
        query = query_for(self.value())
        if not query:
            return None
        brains = api.content.find(context=api.portal.get(), **query)
        return brains[0] if len(brains) == 1 else None

    def __call__(self):
        brain = self.find()
        if brain is not None:
            return self.request.response.redirect(brain.getURL(), status=302)
        self.request.response.setStatus(404)
        return self.index()

    def looked_for(self):
        _query, label = PERMALINKS[self.kind]
        return Message(label, mapping={"value": self.value() or "?"})


def permalink(kind: str) -> type:
    """The view class for one kind of permalink."""
    return type(f"Permalink_{kind}", (Permalink,), {"kind": kind})


MeasurePermalink = permalink("mesure")
ChapterPermalink = permalink("chapitre")
EcliPermalink = permalink("ecli")
CelexPermalink = permalink("celex")
NorPermalink = permalink("nor")
ApplicationPermalink = permalink("requete")
