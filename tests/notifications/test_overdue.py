"""Overdue measures: the ministry editors are told, at most once a month."""

from datetime import date
from notification_people import MINISTRY
from plone import api
from traite_portal.notifications.overdue import is_overdue
from traite_portal.notifications.overdue import notify_overdue_measures

import pytest
import subprocess
import sys
import transaction


TODAY = date(2026, 11, 27)


@pytest.fixture
def measures(site, create_measure):
    """An overdue measure, a finished one and one still on time."""
    overdue = create_measure(
        site,
        title="Former les magistrats",
        responsible_bodies=[MINISTRY, "premier-ministre"],
        deadline_start=2010,
        deadline_end=2011,
    )
    chapter = overdue.__parent__
    with api.env.adopt_roles(["Manager"]):
        done = api.content.create(
            chapter,
            "Measure",
            id="finie",
            title="Mesure réalisée",
            number=2,
            responsible_bodies=[MINISTRY],
            deadline_end=2011,
            implementation_status="done",
        )
        on_time = api.content.create(
            chapter,
            "Measure",
            id="a-temps",
            title="Mesure dans les temps",
            number=3,
            responsible_bodies=[MINISTRY],
            deadline_end=TODAY.year,
        )
    transaction.commit()
    return overdue, done, on_time


class TestNotifyOverdue:
    def test_ministry_editors_get_one_mail_per_overdue_measure(self, measures, mailbox):
        overdue, _done, _on_time = measures
        report = notify_overdue_measures(api.portal.get(), TODAY)
        transaction.commit()
        assert report.notified == ["/".join(overdue.getPhysicalPath())]
        (mail,) = mailbox.wait_for(1)
        assert mail.recipients == ["redacteur@example.org"]
        assert (
            mail.subject == "[Portail traite] Mesure en retard : Former les magistrats"
        )
        assert overdue.absolute_url() in mail.body
        assert "a dépassé son échéance" in mail.body
        assert mailbox.wait_for(2, timeout=1) == [mail]  # reviewers not told

    def test_second_run_the_same_month_sends_nothing(self, measures, mailbox):
        notify_overdue_measures(api.portal.get(), TODAY)
        transaction.commit()
        mailbox.wait_for(1)
        mailbox.clear()
        report = notify_overdue_measures(api.portal.get(), TODAY)
        transaction.commit()
        assert report.notified == []
        assert len(report.already_notified) == 1
        assert "notifiées maintenant : 0" in report.summary()
        assert mailbox.wait_for(1, timeout=1) == []

    def test_next_month_notifies_again(self, measures, mailbox):
        notify_overdue_measures(api.portal.get(), TODAY)
        transaction.commit()
        mailbox.wait_for(1)
        mailbox.clear()
        report = notify_overdue_measures(api.portal.get(), date(2026, 12, 1))
        assert len(report.notified) == 1
        assert len(mailbox.wait_for(1)) == 1

    @pytest.mark.parametrize(
        ("status", "deadline_end", "expected"),
        [
            ("not_started", 2011, True),
            ("in_progress", 2025, True),
            ("done", 2011, False),
            ("abandoned", 2011, False),
            ("in_progress", 2026, False),
            ("not_started", None, False),
        ],
    )
    def test_what_is_overdue(
        self, integration, create_measure, status, deadline_end, expected
    ):
        measure = create_measure(
            integration["portal"],
            implementation_status=status,
            deadline_end=deadline_end,
        )
        assert is_overdue(measure, TODAY) is expected


class TestCommand:
    def test_missing_zope_conf_is_explained_in_french(self, tmp_path):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "traite_portal.commands.notify_overdue",
                "-c",
                str(tmp_path / "absent.conf"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0
        assert "Configuration Zope introuvable" in result.stderr
