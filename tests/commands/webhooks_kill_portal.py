"""The kill -9 tests' view of a running portal, over REST only: the settings
and a partner account as the administrator, a webhook and its delivery log
as the partner, the feed it is owed, and the documented signature check.
"""

from doc_text import fenced_blocks
from doc_text import page

import requests
import time


PARTNER = "partenaire"
PARTNER_PASSWORD = "mot-de-passe-du-partenaire-42"
SECRET = "secret-du-partenaire-0123456789"
JSON = {"Accept": "application/json"}


def session(auth: tuple[str, str]) -> requests.Session:
    """A JSON session with basic auth, as a REST client uses."""
    client = requests.Session()
    client.auth, client.headers["Accept"] = auth, "application/json"
    return client


class Portal:
    """The site of a running instance, as its administrator and the partner."""

    def __init__(self, site_url: str, admin_password: str) -> None:
        self.url = site_url
        self.admin = session(("admin", admin_password))
        self.partner = session((PARTNER, PARTNER_PASSWORD))

    def configure(self, **settings) -> None:
        """Set ``traite_portal.webhooks.*`` records (Configuration › Registre)."""
        values = {f"traite_portal.webhooks.{k}": v for k, v in settings.items()}
        answer = self.admin.patch(f"{self.url}/@registry", json=values, timeout=60)
        assert answer.status_code == 204, answer.text

    def add_partner(self) -> None:
        """The partner's account: the global role WebhookClient, nothing else."""
        body = {"username": PARTNER, "email": "partenaire@example.org"}
        body.update(password=PARTNER_PASSWORD, roles=["WebhookClient"])
        answer = self.admin.post(f"{self.url}/@users", json=body, timeout=60)
        assert answer.status_code == 201, answer.text

    def add(self, container: str, portal_type: str, title: str) -> str:
        """Create an item as the administrator; its path below the site."""
        body = {"@type": portal_type, "title": title}
        answer = self.admin.post(f"{self.url}{container}", json=body, timeout=60)
        assert answer.status_code == 201, answer.text
        return answer.json()["@id"][len(self.url) :]

    def share(self, folder: str) -> None:
        """Let the partner read ``folder`` (Reader, « Peut voir »)."""
        roles = {"id": PARTNER, "type": "user", "roles": {"Reader": True}}
        body = {"entries": [roles], "inherit": True}
        answer = self.admin.post(f"{self.url}{folder}/@sharing", json=body, timeout=60)
        assert answer.status_code == 204, answer.text

    def register(self, url: str, folder: str) -> tuple[dict, str]:
        """POST @webhooks as the partner: the webhook and the feed's cursor
        then (where the webhook starts: the head of the log)."""
        body = {"url": url, "secret": SECRET, "folder": folder}
        answer = self.partner.post(f"{self.url}/@webhooks", json=body, timeout=60)
        assert answer.status_code == 201, answer.text
        cursor = self.partner.get(f"{self.url}{folder}/@changes", timeout=60)
        return answer.json(), cursor.json()["cursor"]

    def owed(self, folder: str, since: str) -> list[tuple]:
        """(kind, path, UID) of what ``@changes`` gives the partner after
        ``since`` in ``folder``: what its webhook owes, in order."""
        items, url = [], f"{self.url}{folder}/@changes?since={since}&b_size=1000"
        while url:
            answer = self.partner.get(url, timeout=60)
            assert answer.status_code == 200, answer.text
            items += [change(item) for item in answer.json()["items"]]
            url = answer.json().get("batching", {}).get("next")
        return items

    def delivery_log(self, hook: dict) -> list[dict]:
        """The webhook's delivery log as the partner reads it, oldest first."""
        answer = self.partner.get(f"{hook['@id']}/deliveries", timeout=60)
        assert answer.status_code == 200, answer.text
        return answer.json()["items"][::-1]


def change(item: dict) -> tuple:
    """What identifies a change in the feed and in a delivery."""
    return item["kind"], item["path"], item["UID"]


def documented_verify():
    """The ``verify`` function of docs/sync.md, as a receiver pastes it."""
    (snippet,) = [b for b in fenced_blocks(page("sync.md")) if "def verify(" in b]
    namespace: dict = {}
    exec(snippet, namespace)  # noqa: S102 - the documentation's own code
    return namespace["verify"]


def wait_for(predicate, timeout: float = 120, step: float = 0.5):
    """The first true value of ``predicate()``, polled until ``timeout``."""
    deadline = time.monotonic() + timeout
    while not (value := predicate()):
        assert time.monotonic() < deadline, "condition never met"
        time.sleep(step)
    return value
