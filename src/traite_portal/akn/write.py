"""Write ``ItemData`` into the site: create or update, as the current user.

Plone's own checks apply: the add permission of each type in its container,
Modify on what is updated, the write permission of protected fields, the
workflow's guards for states. Relations and states are set once every item
exists, so documents may refer to each other in any order.
"""

from AccessControl import Unauthorized
from DateTime import DateTime
from plone import api
from plone.api.exc import InvalidParameterError
from traite_portal.akn.errors import AknError
from traite_portal.akn.resolve import find_item
from traite_portal.akn.write_values import check_protected_fields
from traite_portal.akn.write_values import error
from traite_portal.akn.write_values import keep_same_texts
from traite_portal.akn.write_values import prepared_values
from traite_portal.corpus.content import set_fields
from traite_portal.corpus.content import set_relations
from zExceptions import BadRequest
from zope.interface import Invalid


class Writer:
    """Creates or updates items, then sets their relations and states."""

    def __init__(self) -> None:
        self.known: dict = {}  # href → object written by this import
        self.pending: list = []  # (object, item) whose relations/state wait
        self.created: list = []
        self.updated: list = []
        self.unchanged: list = []

    def write(self, container, item, top: bool = True):
        """Write an item and what it holds; a proposal goes where it answers."""
        if item.parent_href and not top:
            container = self.resolve(item.parent_href, item)
        obj = self._upsert(container, item)
        self.known[item.iri] = obj
        self.pending.append((obj, item))
        for child in item.children:
            self.write(obj, child, top=False)
        return obj

    def _upsert(self, container, item):
        values = prepared_values(item, container)
        existing = container.get(item.id) if item.id else None
        if existing is not None and existing.portal_type != item.portal_type:
            raise error(
                "akn_error_type_conflict",
                "« ${id} » existe déjà dans « ${container} » avec le type ${found} "
                "(le document décrit un ${type}).",
                id=item.id,
                container=container.Title(),
                found=existing.portal_type,
                type=item.portal_type,
            )
        if existing is not None:
            return self._update(existing, item, values)
        check_protected_fields(item.portal_type, container, values)
        try:
            obj = api.content.create(
                container=container,
                type=item.portal_type,
                id=item.id,
                safe_id=item.id is None,
                title=item.title,
                **values,
            )
        except (Unauthorized, InvalidParameterError) as exc:
            raise error(
                "akn_error_cannot_add",
                "Impossible d'ajouter « ${title} » (${type}) dans « ${container} » : "
                "type non autorisé à cet endroit ou droit d'ajout manquant.",
                status=403 if isinstance(exc, Unauthorized) else 400,
                title=item.title,
                type=item.portal_type,
                container=container.Title(),
            ) from None
        except BadRequest as exc:
            raise error(
                "akn_error_bad_id",
                "Identifiant refusé « ${id} » : ${detail}",
                id=item.id or "",
                detail=str(exc),
            ) from None
        except Invalid as exc:
            raise AknError(str(exc)) from None
        if item.created:
            obj.creation_date = DateTime(item.created)
        self.created.append(obj)
        return obj

    def _update(self, obj, item, values: dict):
        if not api.user.has_permission("Modify portal content", obj=obj):
            raise error(
                "akn_error_cannot_modify",
                "Vous n'avez pas le droit de modifier « ${title} ».",
                status=403,
                title=obj.Title(),
            )
        keep_same_texts(obj, values)
        check_protected_fields(item.portal_type, obj, values, obj)
        try:
            changed = set_fields(obj, {"title": item.title, **values})
        except Invalid as exc:
            raise AknError(str(exc)) from None
        (self.updated if changed else self.unchanged).append(obj)
        return obj

    def resolve(self, href: str, item):
        """The object an href names: written by this import, or in the site."""
        found = self.known.get(href) or find_item(href)
        if found is None:
            raise error(
                "akn_error_unresolved",
                "Référence introuvable : « ${href} » (dans « ${title} »). Importez "
                "d'abord le document qu'elle désigne.",
                href=href,
                title=item.title,
            )
        return found

    def finish(self) -> None:
        """Relations, then workflow states, once every item exists."""
        for obj, item in self.pending:
            for relationship, hrefs in item.relations.items():
                targets = [self.resolve(href, item) for href in hrefs]
                set_relations(obj, relationship, targets)
        for obj, item in self.pending:
            self._set_state(obj, item)
        for obj in self.created:
            obj.reindexObject()

    def _set_state(self, obj, item) -> None:
        current = api.content.get_state(obj, default=None)
        if not item.state or current in (None, item.state):
            return
        try:
            api.content.transition(obj=obj, to_state=item.state)
        except (InvalidParameterError, Unauthorized):
            raise error(
                "akn_error_state",
                "Impossible de mettre « ${title} » dans l'état « ${state} » : "
                "aucune transition permise n'y mène.",
                status=403,
                title=obj.Title(),
                state=item.state,
            ) from None
