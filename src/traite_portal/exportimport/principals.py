"""Users and groups through collective.exportimport, then their exact records.

collective.exportimport exports users (with their password hash), groups,
memberships and global roles, and creates them again. The site's user
plugins are then given each principal's stored records as they were: login
name, password hash (never a clear password: the hash, salted SSHA, is what
the site keeps), properties, groups and global roles, so that nothing is
re-hashed, defaulted or dropped on the way.
"""

from collective.exportimport.export_other import ExportMembers
from collective.exportimport.import_other import ImportMembers
from plone import api
from traite_portal.exportimport.typed import decode
from traite_portal.exportimport.typed import encode


# plugin id -> its per-principal storages (attribute names), as PlonePAS keeps them.
RECORDS = {
    "source_users": ("_user_passwords", "_userid_to_login"),
    "source_groups": ("_groups", "_principal_groups"),
    "portal_role_manager": ("_principal_roles",),
    "mutable_properties": ("_storage",),
}


class PrincipalsExport(ExportMembers):
    """Groups and users as collective.exportimport has them, plus their records."""

    def data(self) -> dict:
        members = list(self.export_members())
        return {
            "groups": self.export_groups(),
            "members": members,
            "records": self.records(),
        }

    def records(self) -> dict:
        acl = api.portal.get_tool("acl_users")
        result = {}
        for plugin_id, storages in RECORDS.items():
            plugin = acl[plugin_id]
            result[plugin_id] = {
                storage: encode(dict(getattr(plugin, storage).items()))
                for storage in storages
            }
        return result


class PrincipalsImport(ImportMembers):
    """Create the groups and users, then give the plugins their exact records."""

    def run(self, data: dict) -> int:
        self.import_groups(data["groups"])
        self.import_members(data["members"])
        self.apply_records(data["records"])
        return len(data["members"])

    def import_members(self, data):
        # collective.exportimport skips users without an e-mail address, and
        # portal_registration refuses roles the importing user lacks: the
        # real properties and roles come with the records.
        for item in data:
            item["email"] = item.get("email") or "sans-adresse@invalid"
            item["roles"] = []
        return super().import_members(data)

    def apply_records(self, records: dict) -> None:
        acl = api.portal.get_tool("acl_users")
        for plugin_id in RECORDS:
            plugin = acl[plugin_id]
            for storage, data in records[plugin_id].items():
                target = getattr(plugin, storage)
                wanted = decode(data)
                for key in set(target.keys()) - set(wanted):
                    del target[key]
                for key, value in wanted.items():
                    target[key] = value
        users = acl["source_users"]
        users._login_to_userid.clear()
        for user_id, login in users._userid_to_login.items():
            users._login_to_userid[login] = user_id
