"""Import Akoma Ntoso documents: check them all, then write them all.

Every document is parsed safely and validated against the OASIS schema
before anything is written; the caller owns the transaction (one for all the
documents: the console script commits or aborts it, the REST service dooms
it on error), so a bad document writes nothing.
"""

from collections import Counter
from dataclasses import dataclass
from dataclasses import field
from traite_portal.akn.read import read_root
from traite_portal.akn.safety import parse_untrusted
from traite_portal.akn.schema import validate
from traite_portal.akn.write import Writer


@dataclass
class ImportReport:
    """What an import did, per portal type."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    items: list = field(default_factory=list)  # the documents' top items

    def summary_line(self) -> str:
        return (
            f"{sum(self.created.values())} créés, "
            f"{sum(self.updated.values())} mis à jour, "
            f"{sum(self.unchanged.values())} inchangés"
        )

    def as_dict(self) -> dict:
        """The report as JSON-ready data (the REST answer)."""
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "items": [obj.absolute_url() for obj in self.items],
            "summary": self.summary_line(),
        }


def read_documents(documents: list[bytes]) -> list:
    """Parse, validate and read every document; ``AknError`` on the first bad one."""
    items = []
    for data in documents:
        root = parse_untrusted(data)
        validate(root)
        items.append(read_root(root))
    return items


def import_documents(context, documents: list[bytes]) -> ImportReport:
    """Import documents into ``context`` (each one's top item goes there)."""
    items = read_documents(documents)
    writer = Writer()
    report = ImportReport()
    for item in items:
        report.items.append(writer.write(context, item))
    writer.finish()
    for name in ("created", "updated", "unchanged"):
        getattr(report, name).update(obj.portal_type for obj in getattr(writer, name))
    return report
