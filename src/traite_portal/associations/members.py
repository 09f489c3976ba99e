"""``@@association-members``: coordinators add and remove association members.

Plone's user and group control panels need ``Manage users`` (administrators
only); this form touches the ``association-*`` groups of the configured
associations and nothing else.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from traite_portal import _
from traite_portal.associations.membership import association_groups


class AssociationMembersView(BrowserView):
    """List, add and remove the members of the association groups."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.apply(self.request.form)
            return self.request.response.redirect(self.url())
        return self.index()

    def url(self) -> str:
        return f"{self.context.absolute_url()}/@@association-members"

    def message(self, text, kind: str = "info") -> None:
        IStatusMessage(self.request).add(text, type=kind)

    def groups(self) -> list[dict]:
        """Each association group with its members, sorted by name."""
        listing = []
        for group_id, name in association_groups().items():
            members = api.user.get_users(groupname=group_id)
            listing.append(
                {
                    "id": group_id,
                    "name": name,
                    "members": sorted(
                        (
                            {
                                "id": member.getId(),
                                "login": member.getUserName(),
                                "fullname": member.getProperty("fullname", "")
                                or member.getUserName(),
                            }
                            for member in members
                        ),
                        key=lambda member: member["fullname"].lower(),
                    ),
                }
            )
        return listing

    def apply(self, form: dict) -> None:
        """Add or remove one user; refuse any group but an association's."""
        action = form.get("action")
        group_id = form.get("group_id", "")
        login = (form.get("user", "") or "").strip()
        groups = association_groups()
        if group_id not in groups or api.group.get(groupname=group_id) is None:
            self.message(
                _(
                    "error_not_association_group",
                    default="Ce groupe n'est pas celui d'une association.",
                ),
                "error",
            )
            return
        user = api.user.get(username=login) or api.user.get(userid=login)
        if not login or user is None:
            self.message(
                _(
                    "error_unknown_user",
                    default="Utilisateur inconnu : « ${user} ».",
                    mapping={"user": login},
                ),
                "error",
            )
            return
        mapping = {"user": user.getUserName(), "association": groups[group_id]}
        if action == "add":
            api.group.add_user(groupname=group_id, user=user)
            self.message(
                _(
                    "message_member_added",
                    default="${user} a été ajouté(e) à ${association}.",
                    mapping=mapping,
                )
            )
        elif action == "remove":
            api.group.remove_user(groupname=group_id, user=user)
            self.message(
                _(
                    "message_member_removed",
                    default="${user} a été retiré(e) de ${association}.",
                    mapping=mapping,
                )
            )
        else:
            self.message(_("error_unknown_action", default="Action inconnue."), "error")
