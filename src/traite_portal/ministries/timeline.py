"""The viewlet showing a measure's implementation-status timeline."""

from datetime import datetime
from plone import api
from plone.app.layout.viewlets import ViewletBase
from traite_portal import _
from traite_portal.ministries.history import history
from traite_portal.ministries.history import status_titles
from traite_portal.site_time import site_zone
from zope.i18n import translate


UPDATE_PERMISSION = "traite_portal: Update implementation status"


def format_date(iso: str) -> str:
    """« 27/11/2026 21:46 » in the site's time zone, from an ISO date in UTC."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    # The registry only accepts known zones; a site without one shows UTC.
    zone = site_zone()
    if zone is None:
        return moment.strftime("%d/%m/%Y %H:%M UTC")
    return moment.astimezone(zone).strftime("%d/%m/%Y %H:%M")


class TimelineViewlet(ViewletBase):
    """« Historique de l'état de mise en œuvre », newest first."""

    def _title(self, token: str | None) -> str:
        if token is None:
            message = _("status_unknown", default="(inconnu)")
        else:
            message = status_titles().get(token, token)
        return translate(message, context=self.request)

    def entries(self) -> list[dict]:
        no_comment = translate(
            _("no_status_comment", default="(sans commentaire)"), context=self.request
        )
        return [
            {
                "date": format_date(entry["date"]),
                "iso_date": entry["date"],
                "who": entry["actor_fullname"] or entry["actor"],
                "previous": self._title(entry["previous"]),
                "status": self._title(entry["status"]),
                "comment": entry["comment"] or no_comment,
            }
            for entry in reversed(history(self.context))
        ]

    def current(self) -> str:
        return self._title(getattr(self.context, "implementation_status", None))

    def can_update(self) -> bool:
        return api.user.has_permission(UPDATE_PERMISSION, obj=self.context)

    def form_url(self) -> str:
        return f"{self.context.absolute_url()}/@@implementation-status"
