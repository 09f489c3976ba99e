"""Read a search from request parameters, the same for REST and the page.

``q``, ``sort`` (relevance, date, measure), ``b_start``, ``b_size`` and one
parameter per facet (``type=Measure&chapter=4``, repeatable).
"""

from dataclasses import dataclass
from dataclasses import field
from traite_portal import _
from traite_portal.search.facets import FACETS
from traite_portal.search.ranking import DEFAULT_SORT
from traite_portal.search.ranking import SORTS


MAX_BATCH = 100


class SearchInputError(ValueError):
    """A parameter the search cannot use; ``message`` is a French message id."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class SearchParams:
    """A search as asked."""

    q: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = DEFAULT_SORT
    b_start: int = 0
    b_size: int = 25


def _values(form, name) -> list:
    value = form.get(name, [])
    values = value if isinstance(value, (list, tuple)) else [value]
    return [v for v in (str(v).strip() for v in values) if v]


def _integer(form, name, default, low, high) -> int:
    raw = form.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = None
    if value is None or not low <= value <= high:
        raise SearchInputError(
            _(
                "search_error_integer",
                default="Le paramètre « ${name} » doit être un nombre entier "
                "entre ${low} et ${high}.",
                mapping={"name": name, "low": low, "high": high},
            )
        )
    return value


def read_params(form, default_size: int = 25) -> SearchParams:
    """The search parameters of a request form; raises SearchInputError."""
    sort = str(form.get("sort_on") or form.get("sort") or DEFAULT_SORT)
    if sort not in SORTS:
        raise SearchInputError(
            _(
                "search_error_sort",
                default="Tri inconnu « ${sort} » : choisissez ${choices}.",
                mapping={"sort": sort, "choices": ", ".join(SORTS)},
            )
        )
    filters = {}
    for facet in FACETS:
        values = _values(form, facet.name)
        if not values:
            continue
        try:
            filters[facet.name] = tuple(
                dict.fromkeys(facet.value_type(v) for v in values)
            )
        except ValueError:
            raise SearchInputError(
                _(
                    "search_error_filter",
                    default="Valeur invalide pour le filtre « ${name} » : ${value}.",
                    mapping={"name": facet.name, "value": ", ".join(values)},
                )
            ) from None
    q = form.get("q", "")
    return SearchParams(
        q=q if isinstance(q, str) else " ".join(map(str, q)),
        filters=filters,
        sort=sort,
        b_start=_integer(form, "b_start", 0, 0, 10**6),
        b_size=_integer(form, "b_size", default_size, 1, MAX_BATCH),
    )
