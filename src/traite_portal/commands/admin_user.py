"""The Zope administrator ``admin`` and the file that keeps its password.

The password file is written only once the password really is the admin's
(committed and checked), so it never holds a password that does not log in.
"""

from pathlib import Path
from Products.PluggableAuthService.interfaces.authservice import IPluggableAuthService
from Products.PluggableAuthService.interfaces.plugins import IUserAdderPlugin

import os
import secrets
import tempfile


ADMIN_USER = "admin"


class AdminPasswordError(Exception):
    """The admin's password could not be set."""


def wanted_password(password_file: Path) -> tuple[str, str]:
    """The admin password to set and where it comes from.

    The source is ``"env"`` (``ADMIN_PASSWORD``), ``"file"`` (the password
    file) or ``"generated"`` (a new random password).
    """
    from_env = os.environ.get("ADMIN_PASSWORD")
    if from_env:
        return from_env, "env"
    if password_file.exists():
        return password_file.read_text().strip(), "file"
    return secrets.token_urlsafe(12), "generated"


def ensure_admin(app, password: str) -> None:
    """Create the Zope admin (role Manager), or reset its password."""
    users = app.acl_users
    if users.getUser(ADMIN_USER) is None:
        users._doAddUser(ADMIN_USER, password, ["Manager"], [])
    elif not users.authenticate(ADMIN_USER, password, app.REQUEST):
        _change_password(users, password)
    if not users.authenticate(ADMIN_USER, password, app.REQUEST):
        raise AdminPasswordError(
            f"le mot de passe de « {ADMIN_USER} » n'a pas pu être défini"
        )


def _change_password(users, password: str) -> None:
    """Set the password in whatever user folder the Zope root has.

    Zope creates a plain user folder; creating a Plone site replaces it by a
    PluggableAuthService whose ZODB user manager holds the users. PlonePAS's
    ``_doChangeUser`` cannot be used there: it looks for Plone's
    ``IUserManagement`` plugins, which the root's PAS does not register.
    """
    if not IPluggableAuthService.providedBy(users):
        users._doChangeUser(ADMIN_USER, password, ["Manager"], [])
        return
    for _id, plugin in users.plugins.listPlugins(IUserAdderPlugin):
        if ADMIN_USER in getattr(plugin, "listUserIds", tuple)():
            plugin.updateUserPassword(ADMIN_USER, password)
            return
    raise AdminPasswordError(
        f"aucun gestionnaire d'utilisateurs de la racine ne connaît « {ADMIN_USER} »"
    )


def write_private_file(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` at once, readable by its owner only (600).

    The text goes to a temporary file of mode 600 in the same folder, which
    then replaces the old file: a reader sees the old or the new content,
    never a half-written or world-readable one.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
