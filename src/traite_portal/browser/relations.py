"""A viewlet listing an item's typed relations in both directions."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from traite_portal import _


# relationship -> (label seen from the source, label seen from the target)
LABELS = {
    "cites": (_("rel_cites", default="Cite"), _("rel_cited_by", default="Cité par")),
    "implements": (
        _("rel_implements", default="Met en œuvre"),
        _("rel_implemented_by", default="Mis en œuvre par"),
    ),
    "responds_to": (
        _("rel_responds_to", default="Répond à"),
        _("rel_responses", default="Réponses et propositions"),
    ),
}


class RelationsViewlet(ViewletBase):
    """Outgoing and incoming typed relations the current user may see, less
    those the page lists already (``listed_urls()`` of the page's view)."""

    def _listed(self) -> set[str]:
        listed = getattr(self.view, "listed_urls", None)
        return listed() if callable(listed) else set()

    def _visible(self, relations, end: str, listed: set[str]) -> list[dict]:
        items = []
        for relation in relations:
            obj = getattr(relation, end, None)
            if obj is None or not api.user.has_permission("View", obj=obj):
                continue
            if obj.absolute_url() in listed:
                continue
            items.append(
                {
                    "title": obj.Title(),
                    "url": obj.absolute_url(),
                    "type": obj.portal_type,
                }
            )
        return sorted(items, key=lambda i: i["title"])

    def groups(self) -> list[dict]:
        groups = []
        listed = self._listed()
        for name, (outgoing, incoming) in LABELS.items():
            out = self._visible(
                api.relation.get(
                    source=self.context, relationship=name, unrestricted=True
                ),
                "to_object",
                listed,
            )
            back = self._visible(
                api.relation.get(
                    target=self.context, relationship=name, unrestricted=True
                ),
                "from_object",
                listed,
            )
            if out:
                groups.append({"label": outgoing, "entries": out, "id": f"{name}-out"})
            if back:
                groups.append({"label": incoming, "entries": back, "id": f"{name}-in"})
        return groups
