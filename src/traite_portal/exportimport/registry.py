"""The registry: every record's value (``traite_portal.*``, synonyms, Plone's).

Records are created by the profiles of the new site; the export gives them
their values. A record the new site does not have (an add-on that is not
installed) is left out and named in the import's report.
"""

from plone.registry.interfaces import IRegistry
from traite_portal.exportimport.typed import decode
from traite_portal.exportimport.typed import encode
from zope.component import getUtility


def export_registry() -> dict:
    """Record name → encoded value, for every record."""
    records = getUtility(IRegistry).records
    return {name: encode(records[name].value) for name in records.keys()}


def import_registry(data: dict) -> list[str]:
    """Set every record the site has; the names of those it has not."""
    records = getUtility(IRegistry).records
    unknown = []
    for name, value in data.items():
        if name not in records:
            unknown.append(name)
            continue
        decoded = decode(value)
        if records[name].value != decoded:
            records[name].value = decoded
    return unknown
