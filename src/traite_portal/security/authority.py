"""Values that carry authority, checked against the user's own groups.

Whoever names an association, a user or a ministry speaks in its name: the
association gets ``Editor`` on the proposal, the ministry's groups get their
roles on the text (``associations/localroles.py``, ``ministries/localroles.py``),
the creators sign. So, unless the user may « Assign authorship to others »
(coordinators and site administrators):

- ``associations`` (Proposal): only the user's own associations may be
  added; removing one stays with those who may edit the field at all
  (« Modify proposal authors »: the authors and coordinators);
- ``creators`` (every type): nobody but the user may be added or removed;
- ``ministry`` (Circular, NationalText): only a ministry whose editors' or
  reviewers' group holds the user may be set; a text is never handed over
  to another ministry, nor left without its ministry.

Unchanged values always pass: co-editing never trips over someone else's
name. The forms (``authority_forms.py``) and REST (``authority_rest.py``)
both call ``authority_error``.
"""

from collections.abc import Iterable
from plone import api
from traite_portal import _
from traite_portal.associations.membership import association_titles
from traite_portal.associations.membership import user_association_tokens
from traite_portal.associations.membership import user_group_ids
from traite_portal.corpus.bodies import BODIES
from traite_portal.groups import ministry_editors_group_id
from traite_portal.groups import ministry_reviewers_group_id
from traite_portal.ministries.localroles import ministry_tokens
from zope.i18nmessageid import Message


ASSIGN_AUTHORSHIP = "traite_portal: Assign authorship to others"


def may_assign_to_others(context) -> bool:
    """Coordinators and site administrators name anyone (on this context)."""
    return api.user.has_permission(ASSIGN_AUTHORSHIP, obj=context)


def own_ministries() -> set[str]:
    """Ministries whose editors' or reviewers' group holds the current user."""
    groups = user_group_ids()
    return {
        token
        for token in ministry_tokens()
        if {ministry_editors_group_id(token), ministry_reviewers_group_id(token)}
        & groups
    }


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"« {name} »" for name in names)


def associations_error(old, new) -> Message | None:
    foreign = [t for t in new or () if t not in (old or ())]
    foreign = [t for t in foreign if t not in user_association_tokens()]
    if not foreign:
        return None
    return _(
        "authority_associations",
        default="Vous ne pouvez signer qu'au nom de vos propres associations : "
        "${names} n'en fait pas partie. Un coordinateur peut l'ajouter.",
        mapping={"names": _quoted(association_titles(foreign))},
    )


def creators_error(old, new) -> Message | None:
    user_id = api.user.get_current().getId()
    changed = set(new or ()) ^ set(old or ())
    others = sorted(changed - {user_id})
    if not others:
        return None
    return _(
        "authority_creators",
        default="Vous ne pouvez ajouter ou retirer que votre propre nom parmi "
        "les auteurs (${names}) : seuls les coordinateurs et les administrateurs "
        "changent la signature d'un autre.",
        mapping={"names": _quoted(others)},
    )


def ministry_error(old, new) -> Message | None:
    if new == old or new in own_ministries():
        return None
    titles = {body.token: body.title for body in BODIES}
    return _(
        "authority_ministry",
        default="Vous ne pouvez attribuer ce texte qu'à votre propre ministère "
        "(${ministry} n'en est pas un) : seuls les administrateurs le confient "
        "à un autre ministère.",
        mapping={"ministry": _quoted([titles.get(new, new or "aucun")])},
    )


CHECKS = {
    "associations": associations_error,
    "creators": creators_error,
    "ministry": ministry_error,
}


def authority_error(context, name: str, old, new) -> Message | None:
    """Why the user may not change field ``name`` from ``old`` to ``new``.

    ``context`` is the item (or, for a new one, its container).
    """
    check = CHECKS.get(name)
    if check is None or new == old or may_assign_to_others(context):
        return None
    return check(old, new)
