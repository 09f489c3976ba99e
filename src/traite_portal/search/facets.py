"""The facets of the legal search: one table, read by the backends, the REST
service, the search page, the tests and ``docs/search.md``.

Each facet counts documents per value of one catalog index, after permission
filtering; ``restricted`` facets show only to users who can see at least one
unpublished item (the workflow state would say nothing to anyone else).
"""

from dataclasses import dataclass
from traite_portal import _
from traite_portal.workflows.definitions import LEGAL_TEXT_WORKFLOW
from traite_portal.workflows.definitions import ONE_STATE_WORKFLOW
from traite_portal.workflows.definitions import PROPOSAL_WORKFLOW


@dataclass(frozen=True)
class Facet:
    """A facet: request parameter, catalog index, French label, value type."""

    name: str
    index: str
    label: object
    value_type: type = str
    labels: str = ""  # how values get their French label (see facet_labels.py)
    restricted: bool = False
    # « count »: most frequent first; « value »: in the values' own order.
    order: str = "count"


FACETS = (
    Facet(
        "type", "portal_type", _("facet_type", default="Type de contenu"), labels="type"
    ),
    Facet(
        "chapter",
        "search_chapter",
        _("facet_chapter", default="Chapitre"),
        int,
        "chapter",
        order="value",
    ),
    Facet(
        "measure",
        "search_measure",
        _("facet_measure", default="Mesure"),
        int,
        "measure",
        order="value",
    ),
    Facet(
        "body",
        "responsible_bodies",
        _("facet_body", default="Responsable"),
        labels="vocabulary:traite_portal.vocabularies.bodies",
    ),
    Facet(
        "instrument",
        "search_instruments",
        _("facet_instrument", default="Instrument"),
        labels="vocabulary:traite_portal.vocabularies.instruments",
    ),
    Facet(
        "deadline",
        "search_deadline_years",
        _("facet_deadline", default="Année d'échéance"),
        int,
        order="value",
    ),
    Facet(
        "status",
        "implementation_status",
        _("facet_status", default="État de mise en œuvre"),
        labels="vocabulary:traite_portal.vocabularies.implementation_statuses",
    ),
    Facet(
        "association",
        "proposal_associations",
        _("facet_association", default="Association"),
        labels="vocabulary:traite_portal.vocabularies.associations",
    ),
    Facet(
        "library",
        "search_library",
        _("facet_library", default="Bibliothèque"),
        labels="library",
    ),
    Facet("year", "search_year", _("facet_year", default="Année"), int, order="value"),
    Facet(
        "state",
        "review_state",
        _("facet_state", default="État de publication"),
        labels="state",
        restricted=True,
    ),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}

# States in which Anonymous may view an item (Plone's own types: « published »).
PUBLIC_STATES = frozenset(
    {"published"}
    | {
        state_id
        for workflow in (PROPOSAL_WORKFLOW, LEGAL_TEXT_WORKFLOW, ONE_STATE_WORKFLOW)
        for state_id, state in workflow.states.items()
        if "Anonymous" in state.view
    }
)
