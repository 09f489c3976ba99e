"""French labels of facet values, without waking any result."""

from plone import api
from plone.memoize import ram
from traite_portal import _
from traite_portal.search.pipeline import current_viewer
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import time


_ROMAN = (
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _titles_key(fun, site, counter, allowed, show_inactive, minute):
    return (site, counter, allowed, show_inactive, minute)


@ram.cache(_titles_key)
def _library_titles(site, counter, allowed, show_inactive, minute) -> dict:
    """{library id: title} of the libraries the viewer may see, searched once
    per catalog change (``counter``), viewer's permission tokens and minute
    (publication dates pass without a catalog change)."""
    brains = api.content.find(portal_type="TextLibrary")
    return {brain.getId: brain.Title for brain in brains}


def roman(number: int) -> str:
    """« IV » for 4 (chapter numbers)."""
    result = ""
    for value, letters in _ROMAN:
        while number >= value:
            result += letters
            number -= value
    return result


class FacetLabels:
    """Labels for one request (vocabularies and titles read once)."""

    def __init__(self, request):
        self.request = request
        self._cache = {}

    def __call__(self, facet, value) -> str:
        kind = facet.labels
        if kind.startswith("vocabulary:"):
            return self._vocabulary(kind.split(":", 1)[1], value)
        if kind == "chapter":
            return self._tr(
                _(
                    "facet_chapter_value",
                    default="Chapitre ${number}",
                    mapping={"number": roman(int(value))},
                )
            )
        if kind == "measure":
            return self._tr(
                _(
                    "facet_measure_value",
                    default="Mesure ${number}",
                    mapping={"number": value},
                )
            )
        if kind == "type":
            return self.type_title(value)
        if kind == "library":
            return self._mapping("library", self._libraries).get(value, value)
        if kind == "state":
            return self._mapping("state", self._states).get(value, value)
        return str(value)

    def type_title(self, portal_type: str) -> str:
        """The French title of a content type."""
        return self._translated("type", self._types, portal_type, portal_type)

    def _tr(self, message) -> str:
        return translate(message, context=self.request)

    def _mapping(self, name, build) -> dict:
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    def _translated(self, name, build, value, default) -> str:
        # Only the labels shown are translated, each once per request.
        key = (name, value)
        if key not in self._cache:
            message = self._mapping(name, build).get(value)
            self._cache[key] = default if message is None else self._tr(message)
        return self._cache[key]

    def _vocabulary(self, name, value) -> str:
        def build():
            factory = queryUtility(IVocabularyFactory, name)
            vocabulary = factory(api.portal.get()) if factory else []
            return {term.value: term.title or term.token for term in vocabulary}

        return self._translated(name, build, value, str(value))

    def _types(self) -> dict:
        types = api.portal.get_tool("portal_types")
        return {fti.getId(): fti.Title() for fti in types.listTypeInfo()}

    def _libraries(self) -> dict:
        catalog = api.portal.get_tool("portal_catalog")
        viewer = current_viewer(catalog)
        return _library_titles(
            "/".join(api.portal.get().getPhysicalPath()),
            catalog.getCounter(),
            viewer.allowed,
            viewer.show_inactive,
            int(time.time() // 60),
        )

    def _states(self) -> dict:
        workflow_tool = api.portal.get_tool("portal_workflow")
        titles = {}
        # The portal's own workflows first: their titles are the French ones.
        workflows = sorted(
            workflow_tool.objectValues(),
            key=lambda w: not w.getId().startswith("traite_"),
        )
        for workflow in workflows:
            for state_id, state in getattr(workflow, "states", {}).items():
                title = translate(state.title, domain="plone", context=self.request)
                titles.setdefault(state_id, title)
        return titles
