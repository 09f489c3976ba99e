"""Every sharing-page role × every user kind × every state: who may grant what.

Over a real WSGI server, each subject of the permission matrix ``POST
@sharing``\\ s every role of the sharing page (asked of the component
registry, Plone's own included) to another user on an item in every state
of both review workflows (and a measure, on Plone's one-state workflow).
The expected answer comes from the rules (``State.share`` and
``workflows/delegation.py``); a granted role is revoked at once. Then the
subject grants every role to themselves and to each group they belong to:
always refused. A refused request changes nothing on the item.
"""

from Acquisition import aq_base
from plone.app.workflow.interfaces import ISharingPageRole
from sec_sharing_grants_site import FIXTURES
from sec_sharing_grants_site import item_path
from sec_sharing_grants_site import ITEMS
from sec_sharing_grants_site import PASSWORD
from sec_sharing_grants_site import subject_group
from sec_sharing_grants_site import TARGET
from sec_sharing_grants_site import username_for
from traite_portal.workflows.delegation import sharing_page_roles
from traite_portal.workflows.matrix import may_grant_as
from traite_portal.workflows.matrix import subject_roles
from traite_portal.workflows.matrix import SUBJECTS
from zope.component import getUtilitiesFor

import pytest
import requests
import transaction


globals().update(FIXTURES)

TIMEOUT = 60
REFUSED = {401, 403}
CELLS = [(*item, subject) for item in ITEMS for subject in SUBJECTS]
_SESSIONS: dict[str, requests.Session] = {}


def _cell_id(cell) -> str:
    _workflow, portal_type, state, subject = cell
    return f"{portal_type}-{state}-{subject.replace(' ', '')}"


def session_for(subject: str) -> requests.Session:
    """One keep-alive JSON session per subject (basic auth)."""
    if subject not in _SESSIONS:
        session = requests.Session()
        session.headers.update(
            {"Accept": "application/json", "Content-Type": "application/json"}
        )
        if subject != "Anonymous":
            session.auth = (username_for(subject), PASSWORD)
        _SESSIONS[subject] = session
    return _SESSIONS[subject]


@pytest.fixture(scope="class")
def served(sharinggrants_class):
    """The site over HTTP and the sharing page's roles, for the whole class."""
    sharinggrants_class.testSetUp()
    try:
        yield {
            "portal": sharinggrants_class["portal"],
            "roles": sorted(name for name, _ in getUtilitiesFor(ISharingPageRole)),
        }
    finally:
        for session in _SESSIONS.values():
            session.close()
        _SESSIONS.clear()
        sharinggrants_class.testTearDown()


def local_roles(portal, path: str):
    """The item's local roles and inheritance flag, as the server committed them."""
    transaction.begin()
    obj = portal.unrestrictedTraverse(path)
    roles = {k: tuple(v) for k, v in (obj.__ac_local_roles__ or {}).items()}
    return roles, getattr(aq_base(obj), "__ac_local_roles_block__", None)


def own_principals(subject: str) -> list[str]:
    """The subject's user id and the groups they belong to."""
    group = subject_group(subject)
    return [username_for(subject), "AuthenticatedUsers", *([group] if group else [])]


class Cell:
    """One subject on one item: its grants and what the site answered."""

    def __init__(self, served, cell):
        self.workflow, self.portal_type, self.state, self.subject = cell
        self.portal = served["portal"]
        self.roles = served["roles"]
        self.path = item_path(self.portal_type, self.state)
        self.url = f"{self.portal.absolute_url()}/{self.path}/@sharing"
        self.before = self.local_roles()

    def local_roles(self):
        return local_roles(self.portal, self.path)

    def post(self, principal: str, roles: dict) -> requests.Response:
        entry = {"id": principal, "type": "user", "roles": roles}
        body = {"entries": [entry]}
        return session_for(self.subject).post(self.url, json=body, timeout=TIMEOUT)

    def wrong_grants(self) -> list:
        """Grants of each role to ``TARGET`` that the rules do not predict."""
        wrong = []
        for role in self.roles:
            expected = may_grant_as(
                self.workflow, self.state, self.subject, role, self.portal_type
            )
            response = self.post(TARGET, {role: True})
            if expected and response.status_code == 204:
                granted = self.local_roles()[0].get(TARGET, ())
                revert = self.post(TARGET, {role: False})
                if role not in granted or revert.status_code != 204:
                    wrong.append((role, "grant not applied or not revoked"))
            elif expected or response.status_code not in REFUSED:
                wrong.append((role, response.status_code, response.text[:200]))
            if self.local_roles() != self.before:
                wrong.append((role, "the item's local roles changed"))
        return wrong

    def wrong_self_grants(self) -> list:
        """Grants to oneself or one's groups that were not refused."""
        rules = self.workflow.states[self.state]
        held = subject_roles(self.subject, self.portal_type)
        opens_page = any(r in sharing_page_roles(rules) for r in held)
        # Whoever cannot open the page is refused before any role is read:
        # one request with every role says it; the others ask role by role.
        bodies = [{role: True for role in self.roles}]
        if opens_page:
            bodies = [{role: True} for role in self.roles]
        wrong = []
        for principal in own_principals(self.subject):
            for roles in bodies:
                response = self.post(principal, roles)
                if response.status_code not in REFUSED:
                    wrong.append((principal, roles, response.status_code))
                elif opens_page:  # the self-grant rule comes first: say so
                    assert "vos propres rôles" in response.json()["message"]
        return wrong


class TestWhoMayGrantWhat:
    @pytest.mark.parametrize("cell", CELLS, ids=_cell_id)
    def test_cell(self, served, cell):
        cell = Cell(served, cell)
        assert cell.wrong_grants() == []
        if cell.subject != "Anonymous":
            assert cell.wrong_self_grants() == []
        assert cell.local_roles() == cell.before
