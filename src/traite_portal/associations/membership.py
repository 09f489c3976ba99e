"""Which associations exist and which ones a user belongs to."""

from plone import api
from traite_portal.groups import association_group_id
from traite_portal.groups import association_names
from traite_portal.vocabularies.associations import association_token


def configured_associations() -> dict[str, str]:
    """Token → name of the associations in the registry, in their order."""
    return {association_token(name): name for name in association_names()}


def association_groups() -> dict[str, str]:
    """Group id → association name, for the configured associations."""
    return {
        association_group_id(token): name
        for token, name in configured_associations().items()
    }


def user_group_ids(user=None) -> set[str]:
    """Ids of the groups of a user (the current user by default)."""
    if user is None:
        if api.user.is_anonymous():
            return set()
        user = api.user.get_current()
    pas_user = user.getUser() if hasattr(user, "getUser") else user
    return set(pas_user.getGroups() or ())


def user_association_tokens(user=None) -> list[str]:
    """Tokens of the configured associations whose group holds the user."""
    groups = user_group_ids(user)
    return [
        token
        for token in configured_associations()
        if association_group_id(token) in groups
    ]


def association_titles(tokens) -> list[str]:
    """Names of association tokens (the token itself when no longer configured)."""
    names = configured_associations()
    return [names.get(token, token) for token in tokens or ()]
