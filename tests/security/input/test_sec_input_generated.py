"""Every REST service, the core ones included, with generated bad input: never
a 500, and an error writes nothing.

The services are enumerated from the component registry at test time
(``sec_input_cases.services``), on the site root and on one item of each of
the portal's types; each gets malformed query parameters and bodies (wrong
JSON types per field from the schemas, deep nesting, huge, negative and NaN
numbers, invalid dates and UTF-8, non-JSON, empty, wrong content types).
Requests are sent as the site owner, who may call every service. A request
that may remove its target (``DELETE`` of an item) is aimed at a throw-away
copy of it, so the other cases keep theirs.
"""

from Acquisition import aq_parent
from plone import api
from sec_input_cases import cases
from sec_input_cases import services
from sec_input_site import session_for

import pytest
import transaction


# Services that must be among those found (the list and our own).
EXPECTED = {
    ("GET", "@search"),
    ("POST", "@querystring-search"),
    ("GET", "@linkintegrity"),
    ("PATCH", ""),
    ("POST", ""),
    ("POST", "@implementation-status"),
    ("GET", "@history-diff"),
    ("POST", "@workflow"),
    ("POST", "@sharing"),
    ("POST", "@lock"),
    ("PATCH", "@history"),
    ("POST", "@users"),
    ("POST", "@comments"),
}
# Services that remove what they are sent to: each case gets its own copy.
DESTRUCTIVE = {("DELETE", "")}


def throw_away_copy(target, number: int):
    """A committed copy of ``target`` beside it, for one destructive case."""
    with api.env.adopt_roles(["Manager"]):
        copy = api.content.copy(
            source=target, target=aq_parent(target), id=f"jetable-{number}"
        )
    transaction.commit()
    return copy


def failure(service, case, response) -> str:
    """One line per failing case: the service, the case and what came back."""
    try:
        data = response.json()
    except ValueError:
        data = None
    said = data.get("message", "") if isinstance(data, dict) else response.text
    return f"{service} {case.label}: {response.status_code} {said[:120]!r}"


@pytest.fixture(scope="class")
def targets(typed_items):
    portal = next(iter(typed_items.values())).portal_url.getPortalObject()
    # The proposal first: the item most services are tried on.
    ordered = sorted(typed_items, key=lambda key: key != "Proposal")
    return {"site": portal, **{key: typed_items[key] for key in ordered}}


def send(target, service, case):
    headers = {"Content-Type": case.content_type} if case.content_type else {}
    url = f"{target.absolute_url()}/{service.name}".rstrip("/")
    return session_for("admin").request(
        service.method,
        url,
        params=case.params,
        data=case.body,
        headers=headers,
        timeout=60,
    )


class TestGeneratedBadInput:
    def test_never_a_500_and_errors_write_nothing(self, targets):
        found = services(targets)
        names = {(s.method, s.name) for s in found}
        assert EXPECTED | DESTRUCTIVE <= names, (EXPECTED | DESTRUCTIVE) - names
        site = targets["site"]  # never deleted: that is refused (405)
        db = site._p_jar.db()
        failures, sent = [], 0
        for service in found:
            target = targets[service.target]
            for case in cases(service, target):
                aimed = target
                if (service.method, service.name) in DESTRUCTIVE and target is not site:
                    aimed = throw_away_copy(target, sent)
                before = db.lastTransaction()
                response = send(aimed, service, case)
                sent += 1
                if response.status_code >= 500:
                    failures.append(failure(service, case, response))
                elif response.status_code >= 400 and db.lastTransaction() != before:
                    failures.append(f"{service} {case.label}: error but written")
                transaction.begin()  # see what the server committed
        print(
            f"{len(names)} services ({len(found)} with their targets), {sent} requests"
        )
        assert not failures, "\n".join(failures)
