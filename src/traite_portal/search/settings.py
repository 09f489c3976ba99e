"""Registry settings of the legal search (edited in « Recherche : synonymes »)."""

from plone import api
from plone.supermodel import model
from traite_portal import _
from traite_portal.search.query.synonyms import parse_line
from traite_portal.search.query.synonyms import SynonymLineError
from traite_portal.search.synonyms_table import synonym_lines
from zope import schema
from zope.interface import Invalid


REGISTRY_PREFIX = "traite_portal.search"
SYNONYMS_RECORD = f"{REGISTRY_PREFIX}.synonyms"


def check_synonym_line(line: str) -> bool:
    """A line of the list must read « a, b, c » or « a, b => c »."""
    try:
        parse_line(line)
    except SynonymLineError:
        raise Invalid(
            _(
                "error_synonym_line",
                default="Ligne illisible : « ${line} ». Écrivez au moins deux "
                "expressions séparées par des virgules (« ONG, associations ») "
                "ou « sigle => développé ».",
                mapping={"line": line},
            )
        ) from None
    return True


class ISearchSettings(model.Schema):
    """What coordinators tune in the legal search."""

    synonyms = schema.List(
        title=_("label_search_synonyms", default="Synonymes, sigles et noms usuels"),
        description=_(
            "help_search_synonyms",
            default="Une ligne par groupe d'expressions équivalentes, séparées "
            "par des virgules (« OQTF, obligation de quitter le territoire "
            "français ») ; « a => b » élargit seulement « a » à « b ». La "
            "recherche les applique dès l'enregistrement.",
        ),
        value_type=schema.TextLine(constraint=check_synonym_line),
        default=synonym_lines(),
        required=False,
    )


def synonym_list() -> list[str]:
    """The current list (the default table if the record is missing)."""
    return api.portal.get_registry_record(SYNONYMS_RECORD, default=None) or []
