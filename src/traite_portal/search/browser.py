"""``@@recherche``: the Classic search page, on the same pipeline as REST.

Works without JavaScript: one GET form holds the query, the sort and the facet
checkboxes; paging and « remove this filter » are plain links. A query that is
nothing but an identifier (« mesure 7 ») jumps straight to the item.
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from traite_portal import _
from traite_portal.search.facets import FACETS
from traite_portal.search.params import read_params
from traite_portal.search.params import SearchInputError
from traite_portal.search.pipeline import legal_search
from traite_portal.search.query.syntax import QuerySyntaxError
from traite_portal.search.serialize import serialize_answer
from urllib.parse import urlencode
from zope.i18n import translate


PAGE_SIZE = 10
SEARCH_PARAMETERS = ("q", "sort_on", *(facet.name for facet in FACETS))


class SearchPage(BrowserView):
    """Search form, facets with counts, highlighted results, paging."""

    error = None
    data = None
    params = None

    def __call__(self):
        form = self.request.form
        if any(name in form for name in SEARCH_PARAMETERS):
            try:
                self.params = read_params(form, default_size=PAGE_SIZE)
                answer = legal_search(self.params)
            except (SearchInputError, QuerySyntaxError) as error:
                self.error = translate(error.message, context=self.request)
                self.request.response.setStatus(400)
            else:
                if self._should_jump(answer):
                    return self._jump(answer)
                self.data = serialize_answer(answer, self.request, self.url)
        return self.index()

    @property
    def url(self) -> str:
        return f"{self.context.absolute_url()}/@@recherche"

    def _should_jump(self, answer) -> bool:
        params = answer.params
        return bool(
            answer.jump is not None
            and answer.jump_only
            and not params.filters
            and not params.b_start
            and not self.request.form.get("tous")
        )

    def _jump(self, answer):
        brain = answer.jump
        all_results = f"{self.url}?{urlencode({'q': answer.params.q, 'tous': 1})}"
        message = _(
            "search_jumped",
            default="« ${query} » désigne cet élément : vous y êtes. "
            "Tous les résultats : ${url}",
            mapping={"query": answer.params.q, "url": all_results},
        )
        IStatusMessage(self.request).add(translate(message, context=self.request))
        return self.request.response.redirect(brain.getURL())

    def query_string(self, **changes) -> str:
        """The current search's parameters with some changed (None drops one)."""
        kept = (*SEARCH_PARAMETERS, "tous")
        pairs = []
        for name in kept:
            value = changes[name] if name in changes else self.request.form.get(name)
            for item in value if isinstance(value, list) else [value]:
                if item not in (None, ""):
                    pairs.append((name, item))
        pairs += [(k, v) for k, v in changes.items() if k not in kept]
        return urlencode([(k, v) for k, v in pairs if v is not None])

    def pages(self) -> list[dict]:
        """Links to every page of results (current one marked)."""
        if not self.data:
            return []
        total, size = self.data["items_total"], self.params.b_size
        start = self.params.b_start
        if total <= size:
            return []
        return [
            {
                "number": n + 1,
                "url": f"{self.url}?{self.query_string(b_start=n * size)}",
                "current": n * size <= start < (n + 1) * size,
            }
            for n in range((total + size - 1) // size)
        ]

    def without_filter(self, facet: str, value) -> str:
        """The URL of this search without one selected facet value."""
        current = self.request.form.get(facet, [])
        current = current if isinstance(current, list) else [current]
        kept = [v for v in current if str(v) != str(value)]
        return f"{self.url}?{self.query_string(**{facet: kept or None})}"

    def selected_filters(self) -> list[dict]:
        """The facet values in use, each with a link that removes it."""
        selected = []
        for facet in self.data["facets"] if self.data else []:
            for value in facet["values"]:
                if value["selected"]:
                    selected.append(
                        {
                            "facet": facet["title"],
                            "title": value["title"],
                            "url": self.without_filter(facet["name"], value["value"]),
                        }
                    )
        return selected

    def may_edit_synonyms(self) -> bool:
        return api.user.has_permission(
            "traite_portal: Manage search synonyms", obj=self.context
        )
