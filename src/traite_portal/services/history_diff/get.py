"""GET ``<item>/@history-diff?from=<n>&to=<m>``: what changed between versions."""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from plone.restapi.services import Service
from Products.CMFCore.permissions import View
from traite_portal import _
from traite_portal.coediting.versions import field_changes
from traite_portal.coediting.versions import retrieve_version
from traite_portal.coediting.versions import version_info
from traite_portal.coediting.versions import VersionNotFound
from traite_portal.services.errors import error_answer


class HistoryDiffGet(Service):
    """The changed fields, each with old and new text and an inline HTML diff."""

    def reply(self) -> dict:
        if not getSecurityManager().checkPermission(View, self.context):
            raise Unauthorized("View")
        selectors = {key: self.request.form.get(key) for key in ("from", "to")}
        versions = {}
        for key, selector in selectors.items():
            try:
                versions[key] = retrieve_version(self.context, selector)
            except VersionNotFound:
                return self.bad_version(key, selector)
        return {
            "@id": f"{self.context.absolute_url()}/@history-diff",
            "from": version_info(self.context, selectors["from"]),
            "to": version_info(self.context, selectors["to"]),
            "changes": field_changes(versions["from"], versions["to"], self.request),
        }

    def bad_version(self, key: str, selector: str | None) -> dict:
        """A 400 answer naming the parameter and the value at fault."""
        if selector is None:
            message = _(
                "error_history_diff_missing_version",
                default="Le paramètre « ${name} » est obligatoire : un numéro "
                "de version (voir @history) ou « current ».",
                mapping={"name": key},
            )
        else:
            message = _(
                "error_history_diff_unknown_version",
                default="La version « ${version} » (paramètre « ${name} ») "
                "n'existe pas pour cet élément.",
                mapping={"name": key, "version": selector},
            )
        return error_answer(self.request, message)
