"""``traite-notify-overdue``: tell ministries about their overdue measures.

    traite-notify-overdue -c var/instance/etc/zope.conf   # site « traite »

Fires the "Mesure en retard" content rule for every measure whose end year is
past and whose status is neither done nor abandoned, at most once a month per
measure, in one transaction; run it daily or weekly from cron.
"""

from traite_portal.commands.zope_app import add_instance_arguments

import argparse
import smtplib
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-notify-overdue",
        description="Prévient par courriel les ministères pilotes des mesures "
        "dont l'échéance est dépassée (au plus une fois par mois et par mesure).",
    )
    add_instance_arguments(parser)
    return parser


def smtp_unreachable(site) -> str | None:
    """Why mail cannot leave now (server down), or None when it can.

    Checked first: a measure is marked as notified for the month, so sending
    into a dead server would lose that month's mails. With the MailHost queue
    on, mails wait on disk and the check is skipped.
    """
    from plone import api

    if getattr(site.MailHost, "smtp_queue", False):
        return None
    host = api.portal.get_registry_record("plone.smtp_host", default="localhost")
    port = api.portal.get_registry_record("plone.smtp_port", default=25)
    try:
        smtplib.SMTP(host, port, timeout=10).quit()
    except (OSError, smtplib.SMTPException) as error:
        return f"{host}:{port} ({error})"
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from traite_portal.commands.zope_app import open_app
    from traite_portal.commands.zope_app import site_transaction
    from traite_portal.notifications.overdue import notify_overdue_measures

    app = open_app(args.zope_conf)
    with site_transaction(app, args.site, "traite-notify-overdue") as site:
        problem = smtp_unreachable(site)
        if problem:
            print(
                f"Erreur : serveur de courrier injoignable, {problem} : rien n'a "
                "été envoyé ni marqué comme notifié ; relancez la commande quand "
                "il répondra.",
                file=sys.stderr,
            )
            return 2
        report = notify_overdue_measures(site)
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
