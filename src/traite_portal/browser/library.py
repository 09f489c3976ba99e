"""Library pages: sortable, filterable tables of legal texts, one batch at a time.

Every listing is one catalog query whose batch is taken by walking the sort
index (``listing.sorted_batch``): the page costs the same with 35 texts or
30,000.
"""

from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from traite_portal import _
from traite_portal.corpus.library import SECTIONS
from traite_portal.listing.sorted_batch import sorted_batch
from urllib.parse import urlencode
from zope.i18n import translate


BATCH_SIZE = 50
LEGAL_TYPES = tuple(SECTIONS)
SORTS = {"titre": "sortable_title", "date": "legal_date"}


def _int(form, key: str, default: int | None) -> int | None:
    value = form.get(key)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return default


def _one(form, key: str) -> str:
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


class LibraryView(BrowserView):
    """``view`` of a text library (the root library and each sub-library)."""

    def __call__(self):
        form = self.request.form
        self.errors = []
        self.portal_type = _one(form, "type")
        if self.portal_type and self.portal_type not in LEGAL_TYPES:
            self.errors.append(
                _(
                    "error_bad_type",
                    default="Type de texte inconnu : « ${value} ».",
                    mapping={"value": self.portal_type},
                )
            )
            self.portal_type = ""
        raw_year = _one(form, "annee")
        self.year = _int(form, "annee", None)
        if raw_year and (self.year is None or not 1800 <= self.year <= 2200):
            self.errors.append(
                _(
                    "error_bad_year",
                    default="Année invalide : « ${value} ».",
                    mapping={"value": raw_year},
                )
            )
            self.year = None
        sort = _one(form, "tri")
        self.sort = sort if sort in SORTS else "titre"
        self.descending = _one(form, "ordre") == "desc"
        self.b_start = _int(form, "b_start", 0)
        if self.errors:
            self.request.response.setStatus(400)
        return self.index()

    def query(self) -> dict:
        query = {
            "path": "/".join(self.context.getPhysicalPath()),
            "portal_type": [self.portal_type]
            if self.portal_type
            else list(LEGAL_TYPES),
        }
        if self.year:
            query["legal_date"] = {
                "query": (f"{self.year:04d}-01-01", f"{self.year:04d}-12-31"),
                "range": "min:max",
            }
        return query

    def batch(self) -> Batch:
        results = sorted_batch(
            api.portal.get_tool("portal_catalog"),
            self.query(),
            SORTS[self.sort],
            self.descending,
            self.b_start,
            BATCH_SIZE,
        )
        return Batch(results, BATCH_SIZE, self.b_start)

    def rows(self, batch) -> list[dict]:
        types = self.type_titles()
        repealed = translate(
            _("state_repealed", default="Abrogé"), context=self.request
        )
        in_force = translate(_("in_force", default="En vigueur"), context=self.request)
        rows = []
        for brain in batch:
            iso = brain.legal_date or ""
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "type": types.get(brain.portal_type, brain.portal_type),
                    "identifiers": list(brain.legal_identifiers or [])[:3],
                    "date": f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
                    if len(iso) == 10
                    else "",
                    "iso_date": iso,
                    "state": repealed if brain.review_state == "repealed" else in_force,
                }
            )
        return rows

    def type_titles(self) -> dict[str, str]:
        portal_types = api.portal.get_tool("portal_types")
        return {
            name: translate(
                portal_types[name].Title(), domain="traite_portal", context=self.request
            )
            for name in LEGAL_TYPES
            if name in portal_types
        }

    def sub_libraries(self) -> list[dict]:
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "description": brain.Description,
            }
            for brain in api.content.find(
                context=self.context,
                portal_type="TextLibrary",
                depth=1,
                sort_on="sortable_title",
            )
        ]

    def params(self, **changes) -> str:
        """The current selection as a query string, with ``changes`` applied."""
        values = {
            "type": self.portal_type,
            "annee": self.year or "",
            "tri": self.sort,
            "ordre": "desc" if self.descending else "",
        }
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v})

    def sort_link(self, key: str) -> dict:
        current = self.sort == key
        descending = current and not self.descending
        aria = None
        if current:
            aria = "descending" if self.descending else "ascending"
        query = self.params(tri=key, ordre="desc" if descending else "")
        return {"href": f"{self.context.absolute_url()}?{query}", "aria_sort": aria}

    def page_link(self, start: int) -> str:
        query = self.params()
        joiner = "&" if query else ""
        return f"{self.context.absolute_url()}?{query}{joiner}b_start={start}"

    def error_messages(self) -> list[str]:
        return [translate(e, context=self.request) for e in self.errors]
