"""Controlled lists whose values carry meaning in code (statuses, kinds)."""

from traite_portal import _
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


IMPLEMENTATION_STATUSES = (
    ("not_started", _("status_not_started", default="Non commencée")),
    ("in_progress", _("status_in_progress", default="En cours")),
    ("done", _("status_done", default="Réalisée")),
    ("abandoned", _("status_abandoned", default="Abandonnée")),
)

PROPOSAL_KINDS = (
    ("amendment", _("kind_amendment", default="Amendement")),
    ("addition", _("kind_addition", default="Ajout")),
    ("remark", _("kind_remark", default="Remarque")),
)

GRETA_STRENGTHS = (
    ("urges", _("strength_urges", default="exhorte")),
    ("considers", _("strength_considers", default="considère")),
    ("invites", _("strength_invites", default="invite")),
)

# The instruments named in the 2010 plan; the plural spellings of the source
# ("circulaires ministérielles") map to the same token.
INSTRUMENTS = (
    ("decret", _("instrument_decret", default="décret")),
    ("projet-de-loi", _("instrument_projet_de_loi", default="projet de loi")),
    (
        "circulaire-ministerielle",
        _("instrument_circulaire", default="circulaire ministérielle"),
    ),
    (
        "conventions-nationales-et-locales",
        _("instrument_conventions", default="conventions nationales et locales"),
    ),
    ("loi", _("instrument_loi", default="loi")),
    ("arrete", _("instrument_arrete", default="arrêté")),
)


def _vocabulary(pairs) -> SimpleVocabulary:
    # Titles translated now: some consumers (CMFDiffTool's compare page) print
    # a term's title with str(), which gives a message's id (« kind_remark »).
    request = getRequest()
    return SimpleVocabulary(
        [
            SimpleTerm(
                value=token, token=token, title=translate(title, context=request)
            )
            for token, title in pairs
        ]
    )


@provider(IVocabularyFactory)
def implementation_statuses(context=None) -> SimpleVocabulary:
    """Implementation status of a measure or recommendation."""
    return _vocabulary(IMPLEMENTATION_STATUSES)


@provider(IVocabularyFactory)
def proposal_kinds(context=None) -> SimpleVocabulary:
    """Kind of a proposal: amendment, addition or remark."""
    return _vocabulary(PROPOSAL_KINDS)


@provider(IVocabularyFactory)
def greta_strengths(context=None) -> SimpleVocabulary:
    """Strength of a GRETA recommendation."""
    return _vocabulary(GRETA_STRENGTHS)


@provider(IVocabularyFactory)
def instruments(context=None) -> SimpleVocabulary:
    """Legal instrument through which a measure is carried out."""
    return _vocabulary(INSTRUMENTS)
