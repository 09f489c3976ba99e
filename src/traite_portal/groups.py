"""The portal's groups: who holds which role, and where.

Created by the profile (``post_install``) and by upgrade step 1002; no user is
created here (demo users come only from the ``demo`` profile).

- ``coordinators`` hold ``Coordinator`` and ``jurists`` hold ``Jurist``,
  site-wide.
- One group per association (``association-<token>``, tokens of the
  ``traite_portal.associations`` registry list) holds ``AssociationMember``
  site-wide; the group also gets ``Editor`` locally on the proposals its
  association authors (see ``traite_portal.associations``).
- Two groups per ministry (``<body token>-editors`` and
  ``<body token>-reviewers``, for every body of kind ``ministry``) hold no
  global role: they get ``MinistryEditor`` / ``MinistryReviewer`` locally, on
  the measures the ministry leads and on its own legal texts.
"""

from plone import api
from traite_portal.corpus.bodies import BODIES
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from typing import NamedTuple


COORDINATORS = "coordinators"
JURISTS = "jurists"


class GroupSpec(NamedTuple):
    """A group the portal needs: id, French title and global roles."""

    id: str
    title: str
    roles: tuple[str, ...] = ()


def association_group_id(token: str) -> str:
    return f"association-{token}"


def ministry_editors_group_id(body_token: str) -> str:
    return f"{body_token}-editors"


def ministry_reviewers_group_id(body_token: str) -> str:
    return f"{body_token}-reviewers"


def ministries():
    """The bodies that get editor and reviewer groups."""
    return tuple(body for body in BODIES if body.kind == "ministry")


def association_names() -> list[str]:
    return list(api.portal.get_registry_record(REGISTRY_RECORD, default=None) or [])


def group_specs() -> list[GroupSpec]:
    """Every group the portal needs, in a stable order."""
    specs = [
        GroupSpec(COORDINATORS, "Coordinateurs du Collectif", ("Coordinator",)),
        GroupSpec(JURISTS, "Juristes", ("Jurist",)),
    ]
    for name in association_names():
        specs.append(
            GroupSpec(
                association_group_id(association_token(name)),
                f"Association : {name}",
                ("AssociationMember",),
            )
        )
    for body in ministries():
        specs.append(
            GroupSpec(
                ministry_editors_group_id(body.token), f"Rédacteurs — {body.title}"
            )
        )
        specs.append(
            GroupSpec(
                ministry_reviewers_group_id(body.token), f"Relecteurs — {body.title}"
            )
        )
    return specs


def ensure_groups() -> list[str]:
    """Create the missing groups and give every group its global roles.

    Idempotent: existing groups keep their members and title; returns the ids
    of the groups created.
    """
    created = []
    for spec in group_specs():
        group = api.group.get(groupname=spec.id)
        if group is None:
            group = api.group.create(groupname=spec.id, title=spec.title)
            created.append(spec.id)
        if spec.roles:
            api.group.grant_roles(group=group, roles=list(spec.roles))
    return created
