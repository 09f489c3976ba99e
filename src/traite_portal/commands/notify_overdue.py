"""``traite-notify-overdue``: tell ministries about their overdue measures.

    traite-notify-overdue -c var/instance/etc/zope.conf   # site « traite »

Fires the "Mesure en retard" content rule for every measure whose end year is
past and whose status is neither done nor abandoned, at most once a month per
measure, in one transaction; run it daily or weekly from cron.
"""

from pathlib import Path

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="traite-notify-overdue",
        description="Prévient par courriel les ministères pilotes des mesures "
        "dont l'échéance est dépassée (au plus une fois par mois et par mesure).",
    )
    parser.add_argument(
        "-c",
        "--zope-conf",
        type=Path,
        default=Path("var/instance/etc/zope.conf"),
        help="zope.conf de l'instance",
    )
    parser.add_argument("-s", "--site", default="traite", help="identifiant du site")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from traite_portal.commands.zope_app import open_app
    from traite_portal.commands.zope_app import site_transaction
    from traite_portal.notifications.overdue import notify_overdue_measures

    app = open_app(args.zope_conf)
    with site_transaction(app, args.site, "traite-notify-overdue") as site:
        report = notify_overdue_measures(site)
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
