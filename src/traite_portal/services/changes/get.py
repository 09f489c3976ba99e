"""GET ``@changes[?since=<cursor>][&b_size=N][&portal_type=T…]``: the change feed.

Without ``since``: the current cursor (start here after a full sync). With
it: the changes after it that the reader may see, oldest first, at most
``b_size`` per page, with a ``next`` link while more remain. The page has an
ETag and answers 304 to a matching ``If-None-Match``. A cursor older than the
log's retention, or of another log, is 410: resync from scratch.
"""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from plone import api
from plone.restapi.services import Service
from Products.CMFCore.permissions import View
from traite_portal import _
from traite_portal.changelog.cursors import BadCursor
from traite_portal.changelog.cursors import CursorGone
from traite_portal.changelog.cursors import decode_cursor
from traite_portal.changelog.cursors import encode_cursor
from traite_portal.changelog.feed import read_page
from traite_portal.changelog.snapshot import relative_path
from traite_portal.changelog.storage import get_changelog
from traite_portal.changelog.visibility import Scope
from traite_portal.changelog.visibility import viewer_for
from traite_portal.coediting.etag import digest_etag
from traite_portal.coediting.etag import if_none_match_hits
from traite_portal.services.changes.serialize import serialize_item
from traite_portal.services.errors import error_answer
from urllib.parse import urlencode


DEFAULT_SIZE = 100
MAX_SIZE = 1000


class FeedError(Exception):
    """A request the feed refuses: HTTP status, error type and French message."""

    def __init__(self, status: int, error_type: str, message) -> None:
        super().__init__(message)
        self.status, self.error_type, self.message = status, error_type, message


class ChangesGet(Service):
    """The feed of the site, or of the folder it is called on."""

    def reply(self) -> dict:
        if not getSecurityManager().checkPermission(View, self.context):
            raise Unauthorized("View")
        try:
            return self.feed()
        except FeedError as error:
            return error_answer(
                self.request, error.message, error.status, error.error_type
            )

    def feed(self) -> dict:
        portal = api.portal.get()
        log = get_changelog(portal)
        if log is None:
            raise FeedError(503, "ServiceUnavailable", NO_LOG)
        url = f"{self.context.absolute_url()}/@changes"
        form = self.request.form
        if "since" not in form:
            return {"@id": url, "cursor": encode_cursor(log, log.head), "items": []}
        since = self.position(log, form["since"])
        size = self.page_size(form.get("b_size"))
        scope = self.scope(portal, form.get("portal_type"))
        viewer = viewer_for(portal)
        page = read_page(log, since, viewer, scope, size)
        query = {key: form[key] for key in ("b_size", "portal_type") if key in form}
        this = f"{url}?{urlencode({'since': form['since'], **query}, doseq=True)}"
        cursor = encode_cursor(log, page.cursor)
        parts = [this, log.log_id, cursor, str(page.more), *sorted(viewer.tokens)]
        etag = digest_etag([*parts, str(viewer.sees_inactive)])
        response = self.request.response
        response.setHeader("ETag", etag)
        response.setHeader("Cache-Control", "private, no-cache")
        if if_none_match_hits(self.request.getHeader("If-None-Match"), etag):
            return self.reply_no_content(304)
        batching = {"@id": this}
        if page.more:
            batching["next"] = f"{url}?{urlencode({'since': cursor, **query}, True)}"
        portal_url = portal.absolute_url()
        return {
            "@id": this,
            "cursor": cursor,
            "items": [serialize_item(item, log, portal_url) for item in page.items],
            "batching": batching,
        }

    def position(self, log, cursor: str) -> int:
        try:
            return decode_cursor(log, cursor if isinstance(cursor, str) else "")
        except BadCursor:
            raise FeedError(400, "BadRequest", BAD_CURSOR) from None
        except CursorGone:
            raise FeedError(410, "Gone", GONE) from None

    def page_size(self, value) -> int:
        if value is None:
            return DEFAULT_SIZE
        if isinstance(value, str) and value.isdigit() and 0 < int(value) <= MAX_SIZE:
            return int(value)
        raise FeedError(400, "BadRequest", BAD_SIZE)

    def scope(self, portal, types) -> Scope:
        if isinstance(types, str):
            types = [types]
        known = set(api.portal.get_tool("portal_types").objectIds())
        for name in types or ():
            if not isinstance(name, str) or name not in known:
                message = _(
                    "error_changes_unknown_type",
                    default="Type de contenu inconnu : « ${name} ».",
                    mapping={"name": str(name)},
                )
                raise FeedError(400, "BadRequest", message)
        path = None if self.context is portal else relative_path(self.context, portal)
        return Scope(path, frozenset(types) if types else None)


NO_LOG = _(
    "error_changes_no_log",
    default="Le journal des modifications n'existe pas encore sur ce site : "
    "un administrateur doit lancer les mises à niveau du module (étape 1008).",
)
BAD_CURSOR = _(
    "error_changes_bad_cursor",
    default="Le paramètre « since » n'est pas un curseur valide. Utilisez tel "
    "quel le « cursor » d'une réponse précédente, ou appelez @changes sans "
    "paramètre pour obtenir le curseur actuel.",
)
GONE = _(
    "error_changes_cursor_gone",
    default="Ce curseur est trop ancien (le journal ne conserve pas les "
    "modifications aussi loin) ou vient d'un autre site. Resynchronisez tout "
    "depuis le début : prenez le curseur actuel (@changes sans paramètre), "
    "relisez tous les contenus, puis suivez le flux depuis ce curseur.",
)
BAD_SIZE = _(
    "error_changes_bad_size",
    default="Le paramètre « b_size » doit être un nombre entier entre 1 et ${maximum}.",
    mapping={"maximum": MAX_SIZE},
)
