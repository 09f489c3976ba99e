"""What a subscription may hold: every field checked, errors in French.

Shared by ``@webhooks`` (JSON) and the « Webhooks » panel (its form is
converted to the same values first): a URL of an allowed host whose
addresses are allowed too (``hosts.py``), a secret, known types, an existing
folder the user may view, kinds of the feed.
"""

from AccessControl import getSecurityManager
from plone import api
from Products.CMFCore.interfaces import IFolderish
from traite_portal import _
from traite_portal.security.limits import limit
from traite_portal.security.limits import limit_message
from traite_portal.webhooks.hosts import AddressRefused
from traite_portal.webhooks.hosts import HostPolicy
from traite_portal.webhooks.settings import webhook_settings
from typing import NamedTuple
from urllib.parse import urlsplit
from zope.i18nmessageid import Message

import re


# The kinds of change a subscription may ask for: the feed's (docs/sync.md).
KINDS = {
    "created": _("webhook_kind_created", default="création (ou devenu visible)"),
    "modified": _("webhook_kind_modified", default="modification"),
    "transition": _("webhook_kind_transition", default="changement d'état"),
    "moved": _("webhook_kind_moved", default="déplacement ou renommage"),
    "security": _("webhook_kind_security", default="changement de droits"),
    "removed": _("webhook_kind_removed", default="n'est plus visible"),
    "deleted": _("webhook_kind_deleted", default="suppression"),
}
FIELDS = ("title", "url", "secret", "portal_types", "folder", "kinds", "active")
REQUIRED = ("url", "secret")
MIN_SECRET = 16
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


class FieldError(NamedTuple):
    field: str
    message: Message


class Invalid(ValueError):
    """One field's value is refused (``message``, French)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _type_error(name: str, expected: str) -> Invalid:
    return Invalid(
        _(
            "error_webhook_field_type",
            default="« ${name} » doit être ${expected}.",
            mapping={"name": name, "expected": expected},
        )
    )


def _text(name: str, value) -> str:
    if not isinstance(value, str):
        raise _type_error(name, "un texte")
    return value.strip()


def _names(name: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _type_error(name, "une liste de textes")
    return list(dict.fromkeys(v.strip() for v in value if v.strip()))


def clean_title(portal, value) -> str:
    text = _text("title", value)
    if limit("text_line").exceeded(len(text)):
        raise Invalid(limit_message("text_line", len(text), "title"))
    return text


def clean_url(portal, value) -> str:
    url = _text("url", value)
    if limit("webhook_url").exceeded(len(url)):
        raise Invalid(limit_message("webhook_url", len(url)))
    parts = urlsplit(url)
    if _CONTROL.search(url) or parts.fragment:
        raise Invalid(
            _(
                "error_webhook_url_characters",
                default="Adresse du webhook invalide : ni espace, ni caractère de "
                "contrôle, ni fragment (#).",
            )
        )
    if parts.username is not None or parts.password is not None:
        raise Invalid(
            _(
                "error_webhook_url_credentials",
                default="Adresse du webhook invalide : pas d'identifiants dans "
                "l'URL (le secret signe chaque envoi).",
            )
        )
    try:
        HostPolicy(webhook_settings().allowed_hosts).check(url)
    except AddressRefused as error:
        raise Invalid(error.message) from None
    return url


def clean_secret(portal, value) -> str:
    secret = value if isinstance(value, str) else None
    if secret is None:
        raise _type_error("secret", "un texte")
    if limit("webhook_secret").exceeded(len(secret)):
        raise Invalid(limit_message("webhook_secret", len(secret)))
    if len(secret) < MIN_SECRET:
        raise Invalid(
            _(
                "error_webhook_secret_short",
                default="Secret trop court : au moins ${minimum} caractères.",
                mapping={"minimum": MIN_SECRET},
            )
        )
    return secret


def clean_portal_types(portal, value) -> tuple[str, ...]:
    names = _names("portal_types", value)
    known = set(api.portal.get_tool("portal_types").objectIds())
    for name in names:
        if name not in known:
            raise Invalid(
                _(
                    "error_changes_unknown_type",
                    default="Type de contenu inconnu : « ${name} ».",
                    mapping={"name": name},
                )
            )
    return tuple(sorted(names))


def clean_folder(portal, value) -> str | None:
    if value is None:
        return None
    path = _text("folder", value).rstrip("/")
    if not path:
        return None
    segments = [s for s in path.split("/") if s]
    folder = portal.unrestrictedTraverse(segments, None) if path[0] == "/" else None
    expected = (*portal.getPhysicalPath(), *segments)
    if (
        folder is None
        or not IFolderish.providedBy(folder)
        or folder.getPhysicalPath() != expected
        or not getSecurityManager().checkPermission("View", folder)
    ):
        raise Invalid(
            _(
                "error_webhook_folder",
                default="Dossier introuvable : « ${path} ». Indiquez le chemin d'un "
                "dossier depuis la racine du site, par exemple « /textes ».",
                mapping={"path": path[:200]},
            )
        )
    return "/" + "/".join(segments)


def clean_kinds(portal, value) -> tuple[str, ...]:
    names = _names("kinds", value)
    for name in names:
        if name not in KINDS:
            raise Invalid(
                _(
                    "error_webhook_kind",
                    default="Type de modification inconnu : « ${name} » (possibles : "
                    "${kinds}).",
                    mapping={"name": name[:100], "kinds": ", ".join(KINDS)},
                )
            )
    return tuple(k for k in KINDS if k in names)


def clean_active(portal, value) -> bool:
    if not isinstance(value, bool):
        raise _type_error("active", "true ou false")
    return value


CLEANERS = {
    "title": clean_title,
    "url": clean_url,
    "secret": clean_secret,
    "portal_types": clean_portal_types,
    "folder": clean_folder,
    "kinds": clean_kinds,
    "active": clean_active,
}


def clean(portal, data: dict, creating: bool) -> tuple[dict, list[FieldError]]:
    """The values to store, and every field's error (nothing stored if any)."""
    values, errors = {}, []
    for name in data:
        if name not in CLEANERS:
            message = _(
                "error_webhook_unknown_field",
                default="« ${name} » n'est pas un champ de webhook (champs : "
                "${fields}).",
                mapping={"name": str(name)[:100], "fields": ", ".join(FIELDS)},
            )
            errors.append(FieldError(str(name), message))
    for name, cleaner in CLEANERS.items():
        if name not in data:
            if creating and name in REQUIRED:
                message = _(
                    "error_webhook_required",
                    default="« ${name} » est obligatoire.",
                    mapping={"name": name},
                )
                errors.append(FieldError(name, message))
            continue
        try:
            values[name] = cleaner(portal, data[name])
        except Invalid as error:
            errors.append(FieldError(name, error.message))
    return values, errors
