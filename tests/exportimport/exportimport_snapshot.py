"""A deep, generic picture of a site as plain data, to compare two sites.

Every content item is read as it is stored: every attribute of the object
(schema fields of every behavior included, workflow history, local roles,
ownership, permission settings, dates), every annotation (comments with their
moderation state, the status timelines…), its versions in CMFEditions with
their metadata and data, its catalog entry, and the relations that leave it
and reach it. Beside the content: users, groups and roles (password hashes
included), the registry, the change log, the redirects and the portlets.
``differences`` lists what differs between two pictures.
"""

from Acquisition import aq_base
from exportimport_values import attributes
from exportimport_values import DERIVED_VERSION_METADATA
from exportimport_values import plain
from exportimport_values import uid_of
from plone.dexterity.interfaces import IDexterityContent
from Products.CMFCore.utils import getToolByName
from zope.annotation.interfaces import IAnnotations
from zope.interface import providedBy


def item_picture(obj, portal, refresh: bool = False) -> dict:
    """One content item: attributes, children, interfaces, annotations, versions."""
    base = aq_base(obj)
    picture = {
        "attributes": attributes(obj),
        "interfaces": sorted(plain(i.__identifier__) for i in providedBy(base)),
        "annotations": {
            key: annotation(value) for key, value in IAnnotations(obj, {}).items()
        },
        "versions": versions(obj, portal),
        "catalog": catalog_entry(obj, portal, refresh),
        "relations": relations_of(obj),
    }
    if hasattr(base, "objectIds"):
        picture["children"] = list(obj.objectIds())
    return picture


def annotation(value):
    """An annotation; a conversation as its comments and their threads."""
    from plone.app.discussion.conversation import Conversation

    if not isinstance(value, Conversation):
        return plain(value)
    return {
        "comments": {str(k): attributes(c) for k, c in value._comments.items()},
        "threads": plain(value._children),
        "commentators": plain(value._commentators),
    }


def versions(obj, portal) -> list:
    """Each CMFEditions version: its metadata and its stored data."""
    repository = getToolByName(portal, "portal_repository")
    if not repository.isVersionable(obj):
        return []
    history = repository.getHistoryMetadata(obj)
    if not history:
        return []
    result = []
    for version_id in range(history.getLength(countPurged=False)):
        data = repository.retrieve(obj, version_id)
        metadata = {
            key: plain(value)
            for key, value in data.sys_metadata.items()
            if key not in DERIVED_VERSION_METADATA
        }
        state = attributes(data.object)
        result.append({"metadata": metadata, "app": plain(data.metadata), **state})
    return result


def catalog_entry(obj, portal, refresh: bool = False) -> dict:
    """The catalog's metadata and index data for the item.

    ``refresh`` catalogs the item again first (in memory): the catalog is
    derived data, and the import builds it afresh from the items, where the
    exported site's may be stale (a parent's status shown by its children, a
    text changed without reindexing). Keyword indexes are unordered: sorted.
    """
    catalog = getToolByName(portal, "portal_catalog")
    path = "/".join(obj.getPhysicalPath())
    if refresh:
        catalog.catalog_object(obj, path)
    rid = catalog._catalog.uids.get(path)
    if rid is None:
        return {}
    metadata = catalog.getMetadataForRID(rid)
    indexes = catalog.getIndexDataForRID(rid)
    kinds = catalog._catalog.indexes
    return {
        "metadata": plain(dict(metadata)),
        "indexes": {
            name: plain(
                sorted(value, key=repr)
                if kinds[name].meta_type == "KeywordIndex"
                and isinstance(value, list | tuple)
                else value
            )
            for name, value in sorted(indexes.items())
            if name != "path"
        },
    }


def relations_of(obj) -> dict:
    """The typed relations that leave the item and those that reach it."""
    from plone import api

    outgoing = api.relation.get(source=obj, unrestricted=True)
    incoming = api.relation.get(target=obj, unrestricted=True)
    return {
        "from": sorted((r.from_attribute, uid_of(r.to_object)) for r in outgoing),
        "to": sorted((r.from_attribute, uid_of(r.from_object)) for r in incoming),
    }


def walk(container, portal, prefix=""):
    """(site-relative path, item) of every content item below ``container``."""
    for child in container.objectValues():
        if not IDexterityContent.providedBy(child):
            continue
        path = f"{prefix}/{child.getId()}"
        yield path, child
        yield from walk(child, portal, path)


def principals(portal) -> dict:
    """The site's user, group, role and property plugins, as stored."""
    acl = portal.acl_users
    result = {}
    for plugin_id in (
        "source_users",
        "source_groups",
        "portal_role_manager",
        "mutable_properties",
    ):
        plugin = getattr(acl, plugin_id)
        result[plugin_id] = attributes(plugin)
    return result


def registry(portal) -> dict:
    """Every registry record's value."""
    records = portal.portal_registry.records
    return {name: plain(records[name].value) for name in records.keys()}


def site_picture(portal, refresh_catalog: bool = False) -> dict:
    """The whole site as plain data (see the module's docstring).

    ``refresh_catalog``: for the exported site (see ``catalog_entry``).
    """
    from plone.app.redirector.interfaces import IRedirectionStorage
    from zope.component import getUtility

    root = {
        "attributes": {
            name: plain(getattr(aq_base(portal), name, None))
            for name in (
                "title",
                "description",
                "__ac_local_roles__",
                "__ac_local_roles_block__",
                "default_page",
                "layout",
            )
        },
        "annotations": {
            key: plain(value)
            for key, value in IAnnotations(portal).items()
            if key.startswith("traite_portal")
        },
        "children": [
            child.getId()
            for child in portal.objectValues()
            if IDexterityContent.providedBy(child)
        ],
    }
    picture = {"/": root}
    for path, obj in walk(portal, portal):
        picture[path] = item_picture(obj, portal, refresh_catalog)
    picture["principals"] = principals(portal)
    picture["registry"] = registry(portal)
    redirects = getUtility(IRedirectionStorage)
    site_path = "/".join(portal.getPhysicalPath())
    picture["redirects"] = sorted(
        (key[len(site_path) :], plain(redirects.get_full(key)))
        for key in redirects
        if key.startswith(site_path)
    )
    return picture


def differences(left, right, where: str = "") -> list[str]:
    """Where two pictures differ, one line each (empty: identical)."""
    if isinstance(left, dict) and isinstance(right, dict):
        found = []
        for key in sorted(set(left) | set(right), key=str):
            here = f"{where}/{key}" if where else str(key)
            if key not in left:
                found.append(f"{here}: only in the second")
            elif key not in right:
                found.append(f"{here}: only in the first")
            else:
                found.extend(differences(left[key], right[key], here))
        return found
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        found = []
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            found.extend(differences(a, b, f"{where}[{index}]"))
        return found
    if left != right:
        return [f"{where}: {str(left)[:300]} != {str(right)[:300]}"]
    return []
