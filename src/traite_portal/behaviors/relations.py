"""Typed relations between items: cites, implements, responds to.

Each relation is stored as z3c.relationfield values, so the zc.relation
catalog indexes it under its field name and it can be followed both ways
(``plone.api.relation.get(target=obj, relationship="cites")``).
"""

from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from traite_portal import _
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope.interface import provider


RELATIONSHIPS = ("cites", "implements", "responds_to")


def _relation_list(title, description) -> RelationList:
    """A RelationList on any catalogued item."""
    return RelationList(
        title=title,
        description=description,
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        default=[],
        required=False,
    )


def _widget_options(portal_types) -> dict:
    """Related-items widget options restricted to some types."""
    return {"selectableTypes": list(portal_types), "recentlyUsed": True}


LEGAL_TYPES = (
    "Convention",
    "EuropeanText",
    "NationalText",
    "Circular",
    "CourtRuling",
    "GretaRecommendation",
)


@provider(IFormFieldProvider)
class ICites(model.Schema):
    """The legal texts an item cites."""

    cites = _relation_list(
        _("label_cites", default="Textes cités"),
        _("help_cites", default="Textes juridiques que ce contenu cite."),
    )
    directives.widget(
        "cites",
        RelatedItemsFieldWidget,
        pattern_options=_widget_options(LEGAL_TYPES),
    )


@provider(IFormFieldProvider)
class IImplements(model.Schema):
    """The measures a legal text implements."""

    implements = _relation_list(
        _("label_implements", default="Mesures mises en œuvre"),
        _("help_implements", default="Mesures du plan que ce texte met en œuvre."),
    )
    directives.widget(
        "implements",
        RelatedItemsFieldWidget,
        pattern_options=_widget_options(("Measure",)),
    )


@provider(IFormFieldProvider)
class IRespondsTo(model.Schema):
    """What an item responds to: a measure, a chapter, an annex, a recommendation."""

    responds_to = _relation_list(
        _("label_responds_to", default="Répond à"),
        _(
            "help_responds_to",
            default="Mesure, chapitre, annexe ou recommandation à laquelle ce "
            "contenu répond.",
        ),
    )
    directives.widget(
        "responds_to",
        RelatedItemsFieldWidget,
        pattern_options=_widget_options(
            ("Measure", "Chapter", "Annex", "GretaRecommendation")
        ),
    )
