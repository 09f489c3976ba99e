"""Content items through collective.exportimport's views and hooks.

Every item of every type, with its fields as plone.restapi serializes them
(rich text raw, blobs in base 64), parents first. Relations, local roles,
ordering, comments, versions and the attributes outside the schema are
separate steps. An item that cannot be exported or imported stops the whole
run: collective.exportimport would log it and go on.
"""

from collective.exportimport.export_content import ExportContent
from collective.exportimport.import_content import ImportContent
from collective.exportimport.interfaces import IBase64BlobsMarker
from collective.exportimport.interfaces import IMigrationMarker
from traite_portal.exportimport.attributes import schema_names
from traite_portal.exportimport.attributes import UNSET
from traite_portal.exportimport.errors import ImportFailure
from traite_portal.exportimport.state import loaded
from zope.interface import alsoProvides


SITE_ROOT_TYPE = "Plone Site"
# UNSET: fields the item has no value for (the schema's default shows
# through); the deserializer would store the serialized default: removed again.
# What the serializer adds that is not content (navigation, computed state).
DERIVED_KEYS = ("@components", "previous_item", "next_item", "lock", "review_state")


class SiteContentExport(ExportContent):
    """Every item of the site, of every type that has one."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.path = "/".join(context.getPhysicalPath())
        self.depth = -1
        self.include_blobs = 1
        self.migration = True
        self.include_revisions = False
        self.write_errors = True
        self.errors = []
        self.portal_type = []
        self.portal_type = [info["value"] for info in self.portal_types()]

    def items(self):
        """The serialized items, parents first; ``ImportFailure`` on an error."""
        alsoProvides(self.request, IBase64BlobsMarker)
        alsoProvides(self.request, IMigrationMarker)
        for item in self.export_content():
            if item is not None:
                yield item
        if self.errors:
            paths = ", ".join(error["path"] or "?" for error in self.errors)
            raise ImportFailure(f"contenus impossibles à exporter : {paths}")

    def global_dict_hook(self, item, obj):
        for key in DERIVED_KEYS:
            item.pop(key, None)
        stored = vars(loaded(obj))
        item[UNSET] = sorted(
            name for name in schema_names(obj) if name in item and name not in stored
        )
        return item


class SiteContentImport(ImportContent):
    """Create every item of an export where it was, with its UID."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.limit = None
        self.commit = None
        self.import_to_current_folder = False
        # An item the new site already has (made by a profile) is updated.
        self.handle_existing_content = 2
        self.import_old_revisions = False
        self.failures = []

    def run(self, items) -> int:
        """Import ``items``; the number imported, or ``ImportFailure``."""
        alsoProvides(self.request, IMigrationMarker)
        self.expected = 0
        added = self.import_new_content(self._counted(items))
        if self.failures:
            raise ImportFailure("; ".join(self.failures))
        if len(added) != self.expected:
            raise ImportFailure(
                f"{self.expected - len(added)} contenus de l'export n'ont pas "
                "été importés"
            )
        return len(added)

    def _counted(self, items):
        for item in items:
            if item["@type"] == SITE_ROOT_TYPE:
                self.import_site_root(item)
                continue
            self.expected += 1
            yield item

    def import_site_root(self, item) -> None:
        """The site's own fields (title, description) and UID."""
        portal = self.context
        portal.setTitle(item["title"])
        portal.setDescription(item["description"])
        setattr(portal, "_plone.uuid", item["UID"])

    def handle_container(self, item):
        container = super().handle_container(item)
        if container is None:
            self.failures.append(f"conteneur introuvable pour {item['@id']}")
        return container

    def handle_new_object(self, item, index, new):
        try:
            return super().handle_new_object(item, index, new)
        except Exception as error:
            self.failures.append(f"{item['@id']} : {error}")
            raise

    def global_obj_hook(self, obj, item):
        base = loaded(obj)
        for name in item.get(UNSET, ()):
            if name in vars(base):
                delattr(base, name)
        return obj

    def import_review_state(self, obj, item):
        """No transition: the state is the workflow history, set exactly later."""

    def import_workflow_history(self, obj, item):
        """Set exactly, with the other attributes, by the attributes step."""
