"""The three content rules, the overdue trigger and the ${…} substitutions."""

from plone import api
from plone.contentrules.engine.interfaces import IRuleStorage
from plone.contentrules.rule.interfaces import IRuleEventType
from plone.stringinterp.interfaces import IStringInterpolator
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ministry_editors_group_id
from traite_portal.notifications.events import IMeasureOverdueEvent
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from zope.component import getUtility

import pytest


RULES = {
    "traite-proposal-submitted": "Proposition soumise : prévenir les coordinateurs",
    "traite-proposal-decided": "Proposition validée ou renvoyée : prévenir les auteurs",
    "traite-measure-overdue": "Mesure en retard : prévenir les ministères pilotes",
}


@pytest.fixture
def portal(integration):
    return integration["portal"]


def member(user_id: str, group_id: str | None = None):
    user = api.user.create(email=f"{user_id}@example.org", username=user_id)
    if group_id:
        api.group.add_user(groupname=group_id, username=user_id)
    return user


class TestRules:
    @pytest.mark.parametrize(("name", "title"), RULES.items())
    def test_rule_enabled_with_a_mail_action(self, portal, name, title):
        rule = getUtility(IRuleStorage)[name]
        assert rule.title == title
        assert rule.enabled
        assert [a.element for a in rule.actions] == ["plone.actions.Mail"]

    def test_overdue_event_is_a_rule_trigger(self, portal):
        # In the layer: the portal's ZCML marks the event type, and a test
        # without the layer may run after it was torn down (run alone).
        assert IRuleEventType.providedBy(IMeasureOverdueEvent)


class TestSubstitutions:
    def test_coordinator_emails(self, portal, create_measure):
        member("coord-a", COORDINATORS)
        member("coord-b", COORDINATORS)
        measure = create_measure(portal)
        text = IStringInterpolator(measure)("${coordinator_emails}")
        assert text == "coord-a@example.org,coord-b@example.org"

    def test_proposal_author_emails_and_workflow_comment(self, portal, create_measure):
        token = association_token(api.portal.get_registry_record(REGISTRY_RECORD)[0])
        owner = member("redactrice")
        member("membre-asso", association_group_id(token))
        measure = create_measure(portal)
        with api.env.adopt_roles(["Manager"]):
            proposal = api.content.create(
                measure, "Proposal", id="p", title="P", associations=[token]
            )
            proposal.manage_setLocalRoles(owner.getId(), ["Owner"])
            api.content.transition(obj=proposal, transition="submit")
            api.content.transition(
                obj=proposal, transition="return_to_draft", comment="À revoir."
            )
        interpolate = IStringInterpolator(proposal)
        emails = interpolate("${proposal_author_emails}").split(",")
        assert "redactrice@example.org" in emails
        assert "membre-asso@example.org" in emails
        assert interpolate("${workflow_comment}") == "À revoir."

    def test_ministry_emails_only_editors_of_leading_ministries(
        self, portal, create_measure
    ):
        member("redac-justice", ministry_editors_group_id("min-justice"))
        member("redac-interieur", ministry_editors_group_id("min-interieur"))
        measure = create_measure(portal, responsible_bodies=["min-justice"])
        text = IStringInterpolator(measure)("${ministry_emails}")
        assert text == "redac-justice@example.org"

    def test_substitutions_empty_on_other_types(self, portal, create_measure):
        measure = create_measure(portal)
        assert IStringInterpolator(measure)("${proposal_author_emails}") == ""
