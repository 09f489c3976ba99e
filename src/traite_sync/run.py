"""One run of traite-sync: authenticate, open the mirror, full sync or feed.

The first run (or ``--full``) makes a full sync, then reads the feed from
the cursor it took first; later runs read the feed from the stored cursor
(a poll with no change costs one request, answered 304). A 410 (the cursor is
older than what the portal keeps) starts a full sync again, which keeps the
files that did not change.
"""

from traite_sync.auth import authenticate
from traite_sync.auth import credentials_from
from traite_sync.directory import open_mirror
from traite_sync.exits import Exit
from traite_sync.exits import SyncError
from traite_sync.feed import CursorGone
from traite_sync.fullsync import run_full
from traite_sync.http import Http
from traite_sync.http import json_of
from traite_sync.incremental import run_incremental
from traite_sync.mirror import Mirror

import json
import sys
import time


GONE_MESSAGE = (
    "Le portail ne connaît plus le curseur du miroir (410, plus ancien que "
    "sa rétention) : resynchronisation complète."
)


def scope(http: Http, url: str, folder: str | None) -> tuple[str, str]:
    """The site's and the synced scope's URLs, as the portal names them."""
    path = "/" + folder.strip("/") if folder and folder.strip("/") else ""
    response = http.get(f"{url}{path}/@changes")
    if response.status_code == 404:
        what = f"le dossier {path}" if path else "le flux @changes"
        raise SyncError(Exit.PORTAL, f"{what} est introuvable sur {url}")
    data = json_of(response, "le flux des modifications (@changes)")
    scope_url = data["@id"].removesuffix("/@changes")
    return scope_url.removesuffix(path), scope_url


def check_options(directory, stored: dict, wanted: dict) -> None:
    """A mirror keeps the options it was made with (else ``--full``)."""
    if {key: stored.get(key) for key in wanted} == wanted:
        return
    types = ", ".join(stored["types"]) or "tous"
    raise SyncError(
        Exit.USAGE,
        f"{directory} est le miroir de {stored['url']} (dossier : "
        f"{stored['folder'] or 'tout le site'}, types : {types}, utilisateur : "
        f"{stored['user'] or 'anonyme'}) : reprenez les mêmes options, ou "
        "ajoutez --full pour le refaire avec les nouvelles",
    )


def sync(mirror: Mirror, quiet: bool) -> bool:
    """Full sync if needed, then the feed; True when a full sync ran."""
    state = mirror.state
    full = state.get("cursor") is None
    if full:
        run_full(mirror)
    try:
        run_incremental(mirror)
    except CursorGone:
        if not quiet:
            print(GONE_MESSAGE, file=sys.stderr)
        state.put("cursor", None)
        state.commit()
        run_full(mirror)
        run_incremental(mirror)
        full = True
    return full


def run(args, environ) -> str:
    """One run of the command; the summary line it prints."""
    if args.workers < 1 or args.timeout <= 0 or args.retries < 0:
        raise SyncError(Exit.USAGE, "--workers, --timeout et --retries : trop petits")
    began = time.monotonic()
    url = args.url.rstrip("/")
    http = Http(timeout=args.timeout, retries=args.retries)
    user = authenticate(http, url, credentials_from(args, environ))
    wanted = {
        "url": url,
        "folder": args.folder,
        "types": sorted(set(args.types)),
        "user": user,
    }
    with open_mirror(args.directory) as state:
        stored = state.options()
        if stored is not None and not args.full:
            check_options(args.directory, stored, wanted)
        else:
            site_url, scope_url = scope(http, url, args.folder)
            options = {**wanted, "site": site_url, "scope": scope_url}
            state.put("options", json.dumps(options))
            state.put("full_cursor", None)
            state.put("cursor", None)
            state.commit()
        options = state.options()
        mirror = Mirror(
            http,
            args.directory,
            options["site"],
            options["scope"],
            tuple(options["types"]),
            state,
            workers=args.workers,
            quiet=args.quiet,
        )
        full = sync(mirror, args.quiet)
        return summary(mirror.counts, full, state.count(), time.monotonic() - began)


def summary(counts: dict[str, int], full: bool, total: int, seconds: float) -> str:
    """The line printed at the end of a run."""
    done = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()) if n)
    kind = "Synchronisation complète" if full else "Synchronisation"
    return (
        f"{kind} terminée en {seconds:.1f} s : {total} éléments dans le miroir "
        f"({done or 'aucun changement'})."
    )
