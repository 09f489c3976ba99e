"""Who the client is: a user with a password, or a token; checked before syncing.

A password never appears on the command line (other local users see it in
``ps``): it comes from ``TRAITE_SYNC_PASSWORD``, ``--password-file`` or a
prompt. With ``--jwt`` it is exchanged once for a JSON Web Token at ``@login``;
otherwise every request carries it (basic auth). A token (``--token`` or
``TRAITE_SYNC_TOKEN``) is a JWT from ``@login``. Plone treats refused
credentials as an anonymous visitor, so they are checked first: a sync with a
wrong password would otherwise mirror the public site without a word.
"""

from dataclasses import dataclass
from pathlib import Path
from traite_sync.exits import Exit
from traite_sync.exits import SyncError
from traite_sync.http import Http
from traite_sync.http import portal_message
from urllib.parse import quote

import base64
import binascii
import getpass
import json
import sys


PASSWORD_ENV = "TRAITE_SYNC_PASSWORD"
TOKEN_ENV = "TRAITE_SYNC_TOKEN"


@dataclass(frozen=True)
class Credentials:
    """What the options say about the client's identity (nothing: anonymous)."""

    user: str | None = None
    password: str | None = None
    token: str | None = None
    jwt: bool = False


def credentials_from(args, environ) -> Credentials:
    """The credentials the options and environment give, asking if needed."""
    token = args.token or environ.get(TOKEN_ENV)
    if args.user and args.token:
        raise SyncError(Exit.USAGE, "--user et --token s'excluent : choisissez-en un")
    if not args.user:
        if args.jwt:
            raise SyncError(Exit.USAGE, "--jwt demande --user")
        return Credentials(token=token or None)
    if args.password_file:
        try:
            password = Path(args.password_file).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise SyncError(
                Exit.USAGE, f"fichier de mot de passe illisible : {error}"
            ) from None
    elif environ.get(PASSWORD_ENV):
        password = environ[PASSWORD_ENV]
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Mot de passe de {args.user} : ")
    else:
        raise SyncError(
            Exit.USAGE,
            f"mot de passe de {args.user} manquant : variable {PASSWORD_ENV}, "
            "--password-file, ou lancez la commande dans un terminal",
        )
    return Credentials(user=args.user, password=password, jwt=args.jwt)


def token_subject(token: str) -> str:
    """The user id in a JWT's payload (``sub``); the signature is the portal's job."""
    try:
        payload = token.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return str(data["sub"])
    except (IndexError, ValueError, KeyError, TypeError, binascii.Error):
        raise SyncError(
            Exit.AUTH, "jeton illisible : donnez un jeton JWT obtenu par @login"
        ) from None


def login(http: Http, site_url: str, user: str, password: str) -> str:
    """A JWT for ``user`` from ``@login``; refused credentials are ``Exit.AUTH``."""
    response = http.post_json(
        f"{site_url}/@login", {"login": user, "password": password}
    )
    if response.status_code == 401:
        raise SyncError(
            Exit.AUTH, f"identifiant ou mot de passe refusé par le portail ({user})"
        )
    try:
        token = response.json()["token"]
    except (ValueError, KeyError, TypeError):
        raise SyncError(
            Exit.PORTAL, f"connexion impossible à @login ({portal_message(response)})"
        ) from None
    return token


def authenticate(http: Http, site_url: str, credentials: Credentials) -> str | None:
    """Set up ``http``'s authentication; the user id it stands for (None: anonymous)."""
    if credentials.user:
        token = login(http, site_url, credentials.user, credentials.password)
        if credentials.jwt:
            http.token = token
        else:
            http.auth = (credentials.user, credentials.password)
        return token_subject(token)
    if not credentials.token:
        return None
    http.token = credentials.token
    user = token_subject(credentials.token)
    # A user may read their own account: anything but 401/403 means the
    # portal accepted the token as that user.
    response = http.get(f"{site_url}/@users/{quote(user, safe='')}")
    if response.status_code in (401, 403):
        raise SyncError(
            Exit.AUTH, f"jeton refusé par le portail (invalide ou expiré) pour {user}"
        )
    return user
