"""Official text, proposal or legal text: what a result is, told apart."""

from traite_portal import _
from traite_portal.behaviors.relations import LEGAL_TYPES as TEXT_TYPES


SOURCES = {
    "official": _("source_official", default="Texte officiel du plan"),
    "proposal": _("source_proposal", default="Proposition d'association"),
    "legal": _("source_legal", default="Texte juridique"),
    "other": _("source_other", default="Page du portail"),
}
PLAN_TYPES = frozenset({"ActionPlan", "Chapter", "Measure", "Annex"})
LEGAL_TYPES = frozenset({*TEXT_TYPES, "TextLibrary"})


def source_of(portal_type: str) -> str:
    """The source kind of a result (a key of :data:`SOURCES`)."""
    if portal_type in PLAN_TYPES:
        return "official"
    if portal_type == "Proposal":
        return "proposal"
    if portal_type in LEGAL_TYPES:
        return "legal"
    return "other"
