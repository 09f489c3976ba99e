"""``traite-setup``: admin user and site creation, idempotent.

    traite-setup -c var/instance/etc/zope.conf

- the Zope admin password comes from ``ADMIN_PASSWORD`` when set, otherwise
  from ``var/admin-password``, otherwise it is generated and stored there;
- the site is created once, through the ``traite`` distribution (French,
  Classic UI, add-on installed, corpus imported); later runs only apply the
  add-on's pending upgrade steps (a site made by an older version);
- ``--demo`` also applies the ``demo`` profile (never in production): demo
  users get fresh random passwords, written to ``var/demo-users.txt``.
"""

from pathlib import Path

import argparse
import os
import secrets
import sys
import transaction


ADMIN_USER = "admin"


def admin_password(password_file: Path) -> tuple[str, bool]:
    """The admin password and whether it is new (to be printed)."""
    from_env = os.environ.get("ADMIN_PASSWORD")
    if from_env:
        password, new = from_env, True
    elif password_file.exists():
        return password_file.read_text().strip(), False
    else:
        password, new = secrets.token_urlsafe(12), True
    password_file.parent.mkdir(parents=True, exist_ok=True)
    password_file.write_text(password + "\n")
    password_file.chmod(0o600)
    return password, new


def ensure_admin(app, password: str) -> None:
    """Create the Zope admin, or reset its password to the wanted one."""
    users = app.acl_users
    if users.getUser(ADMIN_USER) is None:
        users._doAddUser(ADMIN_USER, password, ["Manager"], [])
    elif not users.authenticate(ADMIN_USER, password, app.REQUEST):
        users._doChangeUser(ADMIN_USER, password, ["Manager"], [])


def create_site(app, site_id: str, import_corpus: bool = True):
    """Create the site through our distribution unless it exists."""
    from plone.distribution.api import site as site_api

    if site_id in app.objectIds():
        return None
    answers = {
        "site_id": site_id,
        "title": "Traite des êtres humains : textes et plan d'action",
        "description": "Plan d'action national de 2010, propositions du Collectif "
        "« Ensemble contre la traite des êtres humains » et textes juridiques.",
        "default_language": "fr",
        "portal_timezone": "Europe/Paris",
        "import_corpus": import_corpus,
    }
    return site_api.create(app, "traite", answers)


PROFILE = "traite_portal:default"


def upgrade_site(app, site_id: str) -> tuple[str, str] | None:
    """Run the add-on's pending upgrade steps; the versions before and after."""
    from traite_portal.commands.zope_app import site_transaction

    with site_transaction(app, site_id, "Mise à niveau du portail") as site:
        setup = site.portal_setup
        if not setup.listUpgrades(PROFILE):
            return None
        before = ".".join(setup.getLastVersionForProfile(PROFILE))
        setup.upgradeProfile(PROFILE)
        return before, ".".join(setup.getLastVersionForProfile(PROFILE))


def install_demo(app, site_id: str, users_file: Path) -> dict[str, str]:
    """Apply the demo profile, reset the demo passwords and write them down."""
    from traite_portal.commands.zope_app import site_transaction
    from traite_portal.setuphandlers.demo import create_demo_users

    with site_transaction(app, site_id, "Profil de démonstration") as site:
        site.portal_setup.runAllImportStepsFromProfile("profile-traite_portal:demo")
        passwords = create_demo_users(reset_passwords=True)
    users_file.parent.mkdir(parents=True, exist_ok=True)
    users_file.touch(mode=0o600)
    users_file.chmod(0o600)
    users_file.write_text(
        "".join(f"{name} {password}\n" for name, password in passwords.items())
    )
    return passwords


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="traite-setup", description=__doc__)
    parser.add_argument(
        "-c", "--zope-conf", type=Path, default=Path("var/instance/etc/zope.conf")
    )
    parser.add_argument("-s", "--site", default="traite")
    parser.add_argument(
        "--password-file", type=Path, default=Path("var/admin-password")
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="utilisateurs de démonstration (jamais en production)",
    )
    parser.add_argument(
        "--demo-users-file", type=Path, default=Path("var/demo-users.txt")
    )
    args = parser.parse_args(argv)
    from traite_portal.commands.zope_app import open_app

    app = open_app(args.zope_conf)
    password, new = admin_password(args.password_file)
    ensure_admin(app, password)
    transaction.commit()
    site = create_site(app, args.site)
    if site is None:
        print(f"Site « {args.site} » déjà présent : rien à créer.")
        upgraded = upgrade_site(app, args.site)
        if upgraded:
            print(f"Module mis à niveau : version {upgraded[0]} → {upgraded[1]}.")
    else:
        print(f"Site « {args.site} » créé avec le corpus.")
    if new:
        print(
            f"Compte administrateur : {ADMIN_USER} / {password} "
            f"(enregistré dans {args.password_file})"
        )
    else:
        print(
            f"Compte administrateur : {ADMIN_USER} "
            f"(mot de passe dans {args.password_file})"
        )
    if args.demo:
        passwords = install_demo(app, args.site, args.demo_users_file)
        print(
            f"Démonstration : {len(passwords)} utilisateurs, mots de passe "
            f"dans {args.demo_users_file} (jamais en production)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
