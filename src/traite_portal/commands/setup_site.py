"""``traite-setup``: admin user and site creation, idempotent.

    traite-setup -c var/instance/etc/zope.conf

- the Zope admin password comes from ``ADMIN_PASSWORD`` when set, otherwise
  from ``var/admin-password``, otherwise it is generated; the admin is created
  or its password reset, and only then is the file written (mode 600);
- the site is created once, through the ``traite`` distribution (French,
  Classic UI, add-on installed, corpus imported); later runs only apply the
  add-on's pending upgrade steps (a site made by an older version);
- ``--demo`` also applies the ``demo`` profile (never in production): demo
  users get fresh random passwords, written to ``var/demo-users.txt``.
"""

from pathlib import Path
from traite_portal.commands.admin_user import ADMIN_USER
from traite_portal.commands.admin_user import AdminPasswordError
from traite_portal.commands.admin_user import ensure_admin
from traite_portal.commands.admin_user import wanted_password
from traite_portal.commands.admin_user import write_private_file

import argparse
import sys
import transaction


# The answers `make site` gives the distribution's form, besides the site id
# (the browser tests give their site the same).
SITE_ANSWERS = {
    "title": "Traite des êtres humains : textes et plan d'action",
    "description": "Plan d'action national de 2010, propositions du Collectif "
    "« Ensemble contre la traite des êtres humains » et textes juridiques.",
    "default_language": "fr",
    "portal_timezone": "Europe/Paris",
}


def create_site(app, site_id: str, import_corpus: bool = True):
    """Create the site through our distribution unless it exists."""
    from plone.distribution.api import site as site_api

    if site_id in app.objectIds():
        return None
    answers = {"site_id": site_id, **SITE_ANSWERS, "import_corpus": import_corpus}
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
    write_private_file(
        users_file,
        "".join(f"{name} {password}\n" for name, password in passwords.items()),
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
    password, source = wanted_password(args.password_file)
    try:
        ensure_admin(app, password)
    except AdminPasswordError as error:
        transaction.abort()
        print(f"Erreur : {error}", file=sys.stderr)
        return 1
    transaction.commit()
    if source != "file":  # only now is it the admin's password
        write_private_file(args.password_file, password + "\n")
    site = create_site(app, args.site)
    if site is None:
        print(f"Site « {args.site} » déjà présent : rien à créer.")
        upgraded = upgrade_site(app, args.site)
        if upgraded:
            print(f"Module mis à niveau : version {upgraded[0]} → {upgraded[1]}.")
    else:
        print(f"Site « {args.site} » créé avec le corpus.")
    if source == "generated":
        print(
            f"Compte administrateur : {ADMIN_USER} / {password} "
            f"(enregistré dans {args.password_file})"
        )
    elif source == "env":
        print(
            f"Compte administrateur : {ADMIN_USER}, mot de passe de ADMIN_PASSWORD "
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
