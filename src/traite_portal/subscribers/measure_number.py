"""A measure's number is unique in its action plan."""

from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from traite_portal import _
from traite_portal.interfaces import IActionPlan
from zope.i18n import translate
from zope.interface import Invalid


def _plan(measure):
    for obj in aq_chain(aq_inner(measure)):
        if IActionPlan.providedBy(obj):
            return obj
    return None


def check_unique_number(measure, event) -> None:
    """Refuse a second measure with the same number in the same plan."""
    plan = _plan(measure)
    if plan is None or measure.number is None:
        return
    brains = api.content.find(
        context=plan,
        portal_type="Measure",
        measure_number=measure.number,
        unrestricted=True,
    )
    others = [b for b in brains if b.UID != api.content.get_uuid(measure)]
    if others:
        message = _(
            "error_measure_number_taken",
            default="Le numéro ${number} est déjà celui de la mesure « ${title} » "
            "dans ce plan d'action.",
            mapping={"number": measure.number, "title": others[0].Title},
        )
        raise Invalid(translate(message, target_language="fr"))
