"""Relations, local roles, ordering, default pages, portlets and redirects.

Each is collective.exportimport's view, called as a Python object (its data
methods, not its form); its import never commits: the whole import is one
transaction. Redirects keep their date and manual flag. Local roles are made
exact: every item gets the roles it had (also none), so the importing user's
Owner role on new items goes.
"""

from Acquisition import aq_base
from collective.exportimport.export_other import ExportDefaultPages
from collective.exportimport.export_other import ExportLocalRoles
from collective.exportimport.export_other import ExportOrdering
from collective.exportimport.export_other import ExportPortlets
from collective.exportimport.export_other import ExportRelations
from collective.exportimport.export_other import PORTAL_PLACEHOLDER
from collective.exportimport.import_other import ImportDefaultPages
from collective.exportimport.import_other import ImportLocalRoles
from collective.exportimport.import_other import ImportOrdering
from collective.exportimport.import_other import ImportPortlets
from collective.exportimport.import_other import ImportRelations
from plone import api
from plone.app.redirector.interfaces import IRedirectionStorage
from traite_portal.exportimport.errors import ExportFormatError
from traite_portal.exportimport.typed import decode
from traite_portal.exportimport.typed import encode
from zope.component import getUtility


class RelationsExport(ExportRelations):
    def data(self) -> list:
        return self.get_all_references()


class RelationsImport(ImportRelations):
    def run(self, data: list) -> int:
        self.import_relations(data)
        return len(data)


class LocalRolesExport(ExportLocalRoles):
    """Every item's local roles and inheritance flag, also when it has none."""

    def data(self) -> list:
        return self.all_localroles()

    def _get_localroles(self, obj, uid):
        base = aq_base(obj)
        self.results.append(
            {
                "uuid": uid,
                "exact": encode(getattr(base, "__ac_local_roles__", None)),
                "block": encode(getattr(base, "__ac_local_roles_block__", None)),
            }
        )


class LocalRolesImport(ImportLocalRoles):
    def run(self, data: list) -> int:
        return self.import_localroles(data)

    def import_localroles(self, data):
        for item in data:
            if item["uuid"] == PORTAL_PLACEHOLDER:
                obj = api.portal.get()
            else:
                obj = api.content.get(UID=item["uuid"])
            if obj is None:
                raise ExportFormatError(
                    f"rôles locaux d'un contenu absent de l'export : {item['uuid']}"
                )
            base = aq_base(obj)
            for attribute, key in (
                ("__ac_local_roles__", "exact"),
                ("__ac_local_roles_block__", "block"),
            ):
                value = decode(item[key])
                if value is None:
                    if attribute in vars(base):
                        delattr(base, attribute)
                else:
                    setattr(base, attribute, value)
        # collective.exportimport's own closing step: the security index.
        api.portal.get_tool("portal_catalog").reindexIndex("allowedRolesAndUsers", None)
        return len(data)


class OrderingExport(ExportOrdering):
    def data(self) -> list:
        return self.all_orders()


class OrderingImport(ImportOrdering):
    def run(self, data: list) -> int:
        return self.import_ordering(data)


class DefaultPagesExport(ExportDefaultPages):
    def data(self) -> list:
        return self.all_default_pages()


class DefaultPagesImport(ImportDefaultPages):
    def run(self, data: list) -> int:
        return self.import_default_pages(data)


class PortletsExport(ExportPortlets):
    def data(self) -> list:
        return self.all_portlets()


class PortletsImport(ImportPortlets):
    def run(self, data: list) -> int:
        return self.import_portlets(data)


def export_redirects(portal) -> list:
    """Plone's redirects after moves and renames: old path, new path, date, manual.

    collective.exportimport's ``export_plone_redirects`` keeps the paths only;
    the date (shown in the redirection control panel) and the manual flag
    are kept here too.
    """
    storage = getUtility(IRedirectionStorage)
    return [
        [old_path, *encode(storage.get_full(old_path))["v"]] for old_path in storage
    ]


def import_redirects(portal, data: list, old_site: str) -> int:
    """Add the redirects, their paths moved under the new site's id."""
    storage = getUtility(IRedirectionStorage)
    rebase = _rebaser(old_site, portal.getId())
    for old_path, new_path, when, manual in data:
        storage.add(rebase(old_path), rebase(new_path), decode(when), manual)
    return len(data)


def _rebaser(old_site: str, new_site: str):
    def rebase(path: str) -> str:
        prefix = f"/{old_site}/"
        return f"/{new_site}/{path[len(prefix) :]}" if path.startswith(prefix) else path

    return rebase
