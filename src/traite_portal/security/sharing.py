"""Plone's sharing page with the portal's rules, on every path that uses it.

The Classic form (``@@sharing``), its AJAX update (``@@updateSharingInfo``)
and REST ``POST @sharing`` (``sharing_rest.py``) all change local roles
through this view. A change is refused, and nothing is written, when:

- it names the user or a group they belong to (« self-grant »), including
  the virtual group of every logged-in user: whoever grants a role to a
  group they are in grants it to themselves;
- the item's state does not let the user change local roles (« Change
  local roles », managed by the review workflows: ``State.share``);
- it grants a role the user may not delegate here (``workflows/delegation.py``).
"""

from Acquisition import aq_base
from html import escape
from plone import api
from plone.app.workflow.browser.sharing import AUTH_GROUP
from plone.app.workflow.browser.sharing import SharingView as PloneSharingView
from Products.CMFCore.permissions import ChangeLocalRoles
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from traite_portal import _
from zExceptions import Forbidden
from zope.i18n import translate

import json


def own_principal_ids() -> set[str]:
    """The current user's id and the ids of every group they belong to."""
    if api.user.is_anonymous():
        return set()
    user = api.user.get_current()
    pas_user = user.getUser() if hasattr(user, "getUser") else user
    return {pas_user.getId(), AUTH_GROUP, *(pas_user.getGroups() or ())}


class SharingView(PloneSharingView):
    """The sharing page, refusing what the portal's rules refuse."""

    macro_wrapper = ViewPageTemplateFile("templates/sharing_macro_wrapper.pt")

    def may_change_local_roles(self) -> bool:
        return api.user.has_permission(ChangeLocalRoles, obj=self.context)

    def _role_titles(self, role_ids) -> str:
        titles = {r["id"]: r["title"] for r in self.roles()}
        names = [translate(titles.get(r, r), context=self.request) for r in role_ids]
        return ", ".join(f"« {name} »" for name in sorted(names))

    def refusal(self, entries) -> str | None:
        """Why the requested roles may not be set (French), or ``None``.

        ``entries`` are ``(principal id, roles to hold)`` pairs, as the form
        or REST sent them (roles the user may not delegate included).
        """
        managed = {r["id"] for r in self.roles()}
        own = own_principal_ids()
        for principal_id, requested in entries:
            existing = set(self.context.get_local_roles_for_userid(principal_id))
            granted = set(requested) - existing
            revoked = (existing & managed) - set(requested)
            # Naming oneself with any role is refused, even a role one holds.
            if principal_id in own and (requested or revoked):
                message = _(
                    "sharing_refused_self",
                    default="Vous ne pouvez pas modifier vos propres rôles, ni "
                    "ceux d'un groupe dont vous êtes membre (dont « Utilisateurs "
                    "connectés ») : demandez-le à un coordinateur ou à un "
                    "administrateur.",
                )
            elif not granted and not revoked:
                continue
            elif not self.may_change_local_roles():
                message = self._state_refusal()
            elif granted - managed:
                message = _(
                    "sharing_refused_role",
                    default="Vous ne pouvez pas attribuer ${roles} sur cet élément.",
                    mapping={"roles": self._role_titles(granted - managed)},
                )
            else:
                continue
            return translate(message, context=self.request)
        return None

    def _state_refusal(self):
        workflow = api.portal.get_tool("portal_workflow")
        state = api.content.get_state(obj=self.context, default=None)
        title = workflow.getTitleForStateOnType(state, self.context.portal_type)
        return _(
            "sharing_refused_state",
            default="Dans son état actuel (« ${state} »), seuls les "
            "coordinateurs ou les administrateurs partagent cet élément : le "
            "workflow décide qui le lit.",
            mapping={"state": translate(title or state or "-", context=self.request)},
        )

    def inherit_refusal(self, inherit) -> str | None:
        """Why the user may not change role inheritance to ``inherit``."""
        blocked = bool(getattr(aq_base(self.context), "__ac_local_roles_block__", 0))
        if bool(inherit) == (not blocked) or self.may_change_local_roles():
            return None
        return translate(self._state_refusal(), context=self.request)

    # Plone's hooks, each made to refuse what the rules refuse.

    def can_edit_inherit(self) -> bool:
        return self.may_change_local_roles()

    def handle_form(self):
        form = self.request.form
        saving = form.get("form.submitted") and "form.button.Save" in form
        if saving and "form.button.Cancel" not in form:
            managed = [r["id"] for r in self.roles()]
            entries = [
                (e["id"], {r for r in managed if e.get(f"role_{r}")})
                for e in form.get("entries", [])
            ]
            message = self.refusal(entries)
            if message:
                IStatusMessage(self.request).addStatusMessage(message, type="error")
                return True
        return super().handle_form()

    def role_settings(self):
        """Plone's rows, with the user's own rows disabled (never submitted)."""
        settings = super().role_settings()
        own = own_principal_ids()
        for entry in settings:
            if entry["id"] in own:
                entry["disabled"] = True
        return settings

    def updateSharingInfo(self, search_term=""):
        """Plone's AJAX update, whose templates miss ``icons`` (NameError)."""
        self.handle_form()
        macro = self.template.macros["user-group-sharing"]
        body = self.macro_wrapper(the_macro=macro, instance=self.context, view=self)
        messages = "".join(
            f'<div class="alert alert-{escape(m.type)}">{escape(m.message)}</div>'
            for m in IStatusMessage(self.request).show()
        )
        self.request.response.setHeader("Content-type", "application/json")
        return json.dumps({"body": body, "messages": messages})

    def update_inherit(self, status=True, reindex=True):
        message = self.inherit_refusal(status)
        if message:
            raise Forbidden(message)
        return super().update_inherit(status, reindex)

    def update_role_settings(self, new_settings, reindex=True):
        message = self.refusal([(s["id"], set(s["roles"])) for s in new_settings])
        if message:
            raise Forbidden(message)
        return super().update_role_settings(new_settings, reindex)
