"""The legal-text page: an identifier block with links to the official sources."""

from datetime import date
from plone import api
from plone.dexterity.utils import iterSchemata
from Products.Five.browser import BrowserView
from traite_portal import _
from traite_portal.workflows.repeal import repeal_date
from urllib.parse import quote
from zope.i18n import translate
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IVocabularyTokenized


# The facts shown, in this order, when the type has them (labels: the schema's).
FACTS = (
    "case_name",
    "court",
    "application_numbers",
    "ecli",
    "judgment_date",
    "respondent_states",
    "convention_articles",
    "outcome",
    "organisation",
    "adoption_date",
    "entry_into_force_france",
    "text_kind",
    "celex",
    "eli",
    "nor",
    "document_date",
    "transposition_deadline",
    "ministry",
    "jo_date",
    "signature_date",
    "code",
    "articles",
    "evaluation_round",
    "report",
    "report_year",
    "paragraph",
    "strength",
)

# Identifier -> URL of the official source that answers it.
SOURCES = {
    "celex": lambda v: (
        f"https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:{quote(v)}"
    ),
    "eli": lambda v: v,
    "ecli": lambda v: (
        "https://hudoc.echr.coe.int/fre#" + quote(f'{{"ecli":["{v}"]}}', safe="")
    ),
    "application_numbers": lambda v: (
        "https://hudoc.echr.coe.int/fre#" + quote(f'{{"appno":["{v}"]}}', safe="")
    ),
    "nor": lambda v: (
        "https://www.legifrance.gouv.fr/search/all?tab_selection=all"
        f"&searchField=NOR&query={quote(v)}"
    ),
}


def _fields(obj) -> dict:
    fields = {}
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            fields[name] = (schema, field)
    return fields


def _text(value, field, obj, request) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        message = _("yes", default="Oui") if value else _("no", default="Non")
        return translate(message, context=request)
    vocabulary = getattr(field, "vocabulary", None)
    if vocabulary is None and getattr(field, "vocabularyName", None):
        vocabulary = field.bind(obj).vocabulary
    if IVocabularyTokenized.providedBy(vocabulary) and value in vocabulary:
        return translate(vocabulary.getTerm(value).title, context=request)
    return str(value)


class LegalTextView(BrowserView):
    """``view`` of every legal-text type."""

    def facts(self) -> list[dict]:
        """Label, values and links of the facts the text has."""
        fields = _fields(self.context)
        facts = []
        for name in FACTS:
            if name not in fields:
                continue
            schema, field = fields[name]
            value = getattr(schema(self.context), name, None)
            if value in (None, "", [], ()):
                continue
            values = value if isinstance(value, list | tuple) else [value]
            link = SOURCES.get(name)
            facts.append(
                {
                    "name": name,
                    "label": translate(field.title, context=self.request),
                    "entries": [
                        {
                            "text": _text(v, field, self.context, self.request),
                            "url": link(str(v)) if link else None,
                        }
                        for v in values
                    ],
                }
            )
        return facts

    def validity(self) -> dict:
        """In force, or repealed (since when)."""
        if api.content.get_state(self.context, default="") == "repealed":
            repealed = repeal_date(self.context)
            return {
                "in_force": False,
                "since": repealed.strftime("%d/%m/%Y") if repealed else "",
            }
        in_force = getattr(self.context, "in_force", True)
        return {"in_force": in_force is not False, "since": ""}

    def body(self) -> str:
        for name in ("summary", "text"):
            value = getattr(self.context, name, None)
            if value is not None and getattr(value, "output", None):
                return value.output
        return ""
