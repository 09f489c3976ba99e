"""Structured indexes: measure number, status, bodies, legal identifiers."""

from plone.indexer import indexer
from traite_portal.interfaces import ILegalText
from traite_portal.interfaces import IMeasure
from traite_portal.interfaces import ITraiteContent


IDENTIFIER_FIELDS = ("nor", "eli", "celex", "ecli", "report", "paragraph")
IDENTIFIER_LISTS = ("application_numbers",)


@indexer(IMeasure)
def measure_number(obj):
    """The measure's number in its plan."""
    return obj.number


@indexer(ITraiteContent)
def implementation_status(obj):
    """Implementation status, for measures and GRETA recommendations."""
    status = getattr(obj, "implementation_status", None)
    if status is None:
        raise AttributeError("implementation_status")
    return status


@indexer(IMeasure)
def responsible_bodies(obj):
    """Tokens of the responsible bodies and partners of a measure."""
    return list(obj.responsible_bodies or []) + list(obj.partners or [])


@indexer(ILegalText)
def legal_identifiers(obj):
    """NOR, ELI, CELEX, ECLI, application numbers: exact-match lookups."""
    values = [getattr(obj, name, None) for name in IDENTIFIER_FIELDS]
    for name in IDENTIFIER_LISTS:
        values.extend(getattr(obj, name, None) or [])
    return [str(v) for v in values if v]


# The date that places a text in time, by type (the first one it has).
DATE_FIELDS = (
    "judgment_date",
    "document_date",
    "jo_date",
    "signature_date",
    "adoption_date",
)


@indexer(ILegalText)
def legal_date(obj):
    """ISO date of a legal text (its year for a GRETA report): sorts and filters
    the libraries without loading the texts."""
    for name in DATE_FIELDS:
        value = getattr(obj, name, None)
        if value:
            return value.isoformat()
    year = getattr(obj, "report_year", None)
    if year:
        return f"{int(year):04d}-01-01"
    raise AttributeError("legal_date")
