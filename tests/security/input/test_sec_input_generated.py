"""Every REST service, the core ones included, with generated bad input: never
a 500, and an error writes nothing.

The services are enumerated from the component registry at test time
(``sec_input_cases.services``), on the site root and on one item of each of
the portal's types; each gets malformed query parameters and bodies (wrong
JSON types per field from the schemas, deep nesting, huge, negative and NaN
numbers, invalid dates and UTF-8, non-JSON, empty, wrong content types).
Requests are sent as the site owner, who may call every service.
"""

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
# Deleting the target itself would leave the next cases nothing to aim at.
SKIPPED = {("DELETE", "")}


@pytest.fixture(scope="class")
def targets(typed_items):
    portal = next(iter(typed_items.values())).portal_url.getPortalObject()
    return {"site": portal, **typed_items}


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
        found = [s for s in services(targets) if (s.method, s.name) not in SKIPPED]
        names = {(s.method, s.name) for s in found}
        assert EXPECTED <= names, EXPECTED - names
        db = targets["site"]._p_jar.db()
        failures, sent = [], 0
        for service in found:
            target = targets[service.target]
            for case in cases(service, target):
                before = db.lastTransaction()
                response = send(target, service, case)
                sent += 1
                if response.status_code >= 500:
                    failures.append(f"{service} {case.label}: {response.status_code}")
                elif response.status_code >= 400 and db.lastTransaction() != before:
                    failures.append(f"{service} {case.label}: error but written")
            transaction.begin()  # see what the server committed
        print(
            f"{len(names)} services ({len(found)} with their targets), {sent} requests"
        )
        assert not failures, "\n".join(failures)
