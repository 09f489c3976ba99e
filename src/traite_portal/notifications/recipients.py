"""Who receives a notification: e-mail addresses of users and groups."""

from plone import api
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ministry_editors_group_id


def _email(user) -> str:
    return (user.getProperty("email") or "").strip() if user is not None else ""


def group_emails(group_id: str) -> list[str]:
    """The addresses of the members of a group; none if it does not exist."""
    if api.group.get(groupname=group_id) is None:
        return []
    return [_email(user) for user in api.user.get_users(groupname=group_id)]


def unique(emails) -> list[str]:
    """Addresses without blanks or duplicates, sorted."""
    return sorted({email for email in emails if email})


def coordinator_emails() -> list[str]:
    return unique(group_emails(COORDINATORS))


def proposal_author_emails(proposal) -> list[str]:
    """The proposal's owners and the members of its associations' groups."""
    emails = [
        _email(api.user.get(userid=user_id))
        for user_id in proposal.users_with_local_role("Owner")
    ]
    for token in getattr(proposal, "associations", None) or ():
        emails.extend(group_emails(association_group_id(token)))
    return unique(emails)


def ministry_emails(measure) -> list[str]:
    """The editors of the ministries leading the measure."""
    emails = []
    for token in getattr(measure, "responsible_bodies", None) or ():
        emails.extend(group_emails(ministry_editors_group_id(token)))
    return unique(emails)
