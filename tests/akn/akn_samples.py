"""An item of every type with every field filled, for the round-trip tests.

Values are made from each field's type (and vocabulary), so a field added to
a content model is covered without touching the tests.
"""

from datetime import date
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from traite_portal.akn.fields import type_fields
from traite_portal.corpus.content import set_relations
from z3c.relationfield.interfaces import IRelationList
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import IURI


HTML = (
    "<p>Texte <strong>gras</strong>, <em>italique</em> et "
    '<a href="https://www.legifrance.gouv.fr/">lien</a></p>\n'
    "<ul><li>un</li><li>deux</li></ul>"
)
IDENTIFIER_SAMPLES = {
    "nor": "JUSD1306583C",
    "celex": "32011L0036",
    "ecli": "ECLI:CE:ECHR:2010:0107JUD002596504",
    "eli": "http://data.europa.eu/eli/dir/2011/36/oj",
}


def _terms(field, context) -> list:
    return [term.value for term in field.bind(context).vocabulary]


def _text(name: str, field) -> str:
    if IText.providedBy(field) and not ITextLine.providedBy(field):
        return f"Valeur de {name}\nsur deux lignes"
    return f"Valeur de {name}"


def sample_value(name: str, field, context):
    """A value that is not the field's default, valid for it."""
    if IRichText.providedBy(field):
        return RichTextValue(HTML, "text/html", "text/x-html-safe")
    if name in IDENTIFIER_SAMPLES:
        return IDENTIFIER_SAMPLES[name]
    if IURI.providedBy(field):
        return "https://example.org/texte"
    if ICollection.providedBy(field):
        if IChoice.providedBy(field.value_type):
            return _terms(field.value_type, context)[-2:]
        return ["premier", "second"]
    if IChoice.providedBy(field):
        return [t for t in _terms(field, context) if t != field.default][-1]
    if IBool.providedBy(field):
        return False
    if IInt.providedBy(field):
        return 2012 if "year" in name or "deadline" in name or "period" in name else 7
    if IDate.providedBy(field):
        return date(2012, 3, 4)
    return _text(name, field)


def fill(obj) -> None:
    """Every schema field (relations apart) of an item, with a sample value."""
    for name, field in type_fields(obj.portal_type):
        if IRelationList.providedBy(field):
            continue
        setattr(obj, name, sample_value(name, field, obj))
    obj.description = f"Description de {obj.getId()}"
    obj.reindexObject()


def _create(container, portal_type, item_id, **values):
    obj = api.content.create(
        container, portal_type, id=item_id, title=f"Titre {item_id}", **values
    )
    fill(obj)
    return obj


def sample_plan_and_library(portal) -> dict:
    """A plan and a library holding one item of every type, related."""
    items = {}
    library = items["TextLibrary"] = _create(portal, "TextLibrary", "essai-textes")
    for portal_type in (
        "Convention",
        "EuropeanText",
        "NationalText",
        "Circular",
        "CourtRuling",
        "GretaRecommendation",
    ):
        items[portal_type] = _create(
            library, portal_type, f"essai-{portal_type.lower()}"
        )
        api.content.transition(items[portal_type], to_state="published")
    plan = items["ActionPlan"] = _create(portal, "ActionPlan", "essai-plan")
    chapter = items["Chapter"] = _create(plan, "Chapter", "essai-chapitre")
    measure = items["Measure"] = _create(chapter, "Measure", "essai-mesure")
    items["Annex"] = _create(plan, "Annex", "essai-annexes")
    items["Proposal"] = _create(measure, "Proposal", "essai-proposition")
    api.content.transition(items["Proposal"], to_state="validated")
    items["draft"] = _create(chapter, "Proposal", "essai-brouillon")
    legal = [items[t] for t in ("Convention", "NationalText", "CourtRuling")]
    for name in ("Chapter", "Measure", "Annex", "Proposal"):
        set_relations(items[name], "cites", legal)
    for name in ("NationalText", "Circular", "EuropeanText"):
        set_relations(items[name], "implements", [measure])
    set_relations(items["Proposal"], "responds_to", [measure, chapter])
    set_relations(items["Circular"], "responds_to", [items["GretaRecommendation"]])
    return items
