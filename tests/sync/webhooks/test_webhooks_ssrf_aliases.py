"""The other spellings of a private address: IP literals the allowed hosts
do not list, and names of the loopback (``localhost`` and numeric forms the
resolver reads as 127.0.0.1 or 0.0.0.0). A name entry never opens a private
address; listing the address itself does. Refused at registration (400,
nothing stored) and at delivery (nothing reaches the receiver)."""

from plone import api
from sync_http import session_for
from traite_portal.webhooks.store import all_subscriptions
from webhooks_helpers import configure
from webhooks_helpers import deliveries
from webhooks_helpers import error_message
from webhooks_helpers import register
from webhooks_helpers import settled
from webhooks_helpers import wait_until

import transaction


NOT_ALLOWED = "n'est pas dans la liste des hôtes autorisés"
PRIVATE = "désigne une adresse privée, locale ou réservée"

# Host spellings that reach this machine, listed by name (port given).
LOOPBACK_NAMES = [
    "localhost",
    "LOCALHOST",
    "localhost.",
    "127.1",  # inet_aton's short form
    "2130706433",  # 127.0.0.1 as one decimal number
    "0x7f000001",  # … in hexadecimal
    "0177.0.0.1",  # … its first byte in octal
    "0",  # 0.0.0.0: connecting to it reaches the local machine
]
# IP literals outside the allowed hosts (the receiver's address is listed).
LITERALS = [
    "[::1]",
    "[::ffff:7f00:1]",  # 127.0.0.1 mapped in IPv6, on another port
    "0.0.0.0",
    "169.254.169.254",  # cloud metadata
    "10.0.0.1",
    "[fd00::1]",
]


def refused(site, url: str) -> str:
    """POST @webhooks with ``url``: the French message of the 400."""
    answer = register("carole", site.url, 400, url=url)
    transaction.abort()
    assert all_subscriptions(site.portal) == []
    return answer["error"]["message"]


def test_loopback_names(webhooks_site):
    """Each name listed alone is refused; listed with its address, allowed."""
    port = webhooks_site.receiver.port
    for name in LOOPBACK_NAMES:
        url = f"http://{name}:{port}/hook"
        entry = f"{name.rstrip('.')}:{port}"
        configure([entry])
        assert PRIVATE in refused(webhooks_site, url), name
        address = "0.0.0.0" if name == "0" else "127.0.0.1"
        configure([entry, f"{address}:{port}"])
        hook = register("carole", webhooks_site.url, url=url)
        assert hook["url"] == url
        session_for("carole").delete(hook["@id"], timeout=60)
        transaction.abort()


def test_literals_not_listed(webhooks_site):
    """Only 127.0.0.1 on the receiver's port is listed (the fixture)."""
    other_port = webhooks_site.receiver.port + 1
    for literal in LITERALS:
        for port in ("", f":{other_port}"):
            url = f"http://{literal}{port}/hook"
            assert NOT_ALLOWED in refused(webhooks_site, url), url


def test_mapped_address_is_the_address(webhooks_site):
    """127.0.0.1 written as an IPv4-mapped IPv6 address is 127.0.0.1: the
    entry of 127.0.0.1 allows it, that of ::1 does not."""
    port = webhooks_site.receiver.port
    url = f"http://[::ffff:127.0.0.1]:{port}/hook"
    configure([f"[::1]:{port}"])
    assert NOT_ALLOWED in refused(webhooks_site, url)
    configure([f"127.0.0.1:{port}"])
    register("carole", webhooks_site.url, url=url)


def test_loopback_name_at_delivery(webhooks_site, worker):
    """Registered while 127.0.0.1 was listed, ``127.1`` is refused at each
    attempt once it is not: the delivery fails, the receiver gets nothing."""
    port = webhooks_site.receiver.port
    configure([f"127.1:{port}", f"127.0.0.1:{port}"])
    hook = register("carole", webhooks_site.url, url=f"http://127.1:{port}/hook")
    configure([f"127.1:{port}"])
    with api.env.adopt_roles(["Manager"]):
        api.content.create(webhooks_site.portal, "Document", id="d", title="D")
    transaction.commit()
    wait_until(lambda: settled(webhooks_site.portal, hook["id"]))
    (delivery,) = deliveries(webhooks_site.portal, hook["id"])
    assert delivery.status == "failed"
    assert PRIVATE in delivery.error
    assert "(127.0.0.1)" in delivery.error
    assert webhooks_site.receiver.received == []


def test_patch_to_a_private_address(webhooks_site):
    """A PATCH of the URL is checked like a registration: 400, unchanged."""
    port = webhooks_site.receiver.port
    hook = register("carole", webhooks_site.url, url=webhooks_site.receiver.url)
    configure([f"localhost:{port}"])
    session = session_for("carole")
    answer = session.patch(
        hook["@id"], json={"url": f"http://localhost:{port}/x"}, timeout=60
    )
    assert answer.status_code == 400, answer.text
    assert PRIVATE in error_message(answer)
    unchanged = session.get(hook["@id"], timeout=60).json()
    assert unchanged["url"] == webhooks_site.receiver.url
