"""JSON and HTML requests to the test site as one of the test users."""

from plone.app.discussion.interfaces import IConversation

import re
import requests
import transaction


PASSWORD = "secret-Pass-2026"


class Client:
    """JSON requests to the site as one user (None: anonymous)."""

    def __init__(self, user: str | None) -> None:
        self.auth = (user, PASSWORD) if user else None

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        headers = {"Accept": "application/json", **kwargs.pop("headers", {})}
        return requests.request(
            method, url, headers=headers, auth=self.auth, timeout=60, **kwargs
        )

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> requests.Response:
        return self.request("POST", url, **kwargs)


def post_comment(as_user, proposal, user: str, text: str):
    return as_user(user).post(
        f"{proposal.absolute_url()}/@comments", json={"text": text}
    )


def listed_texts(as_user, proposal, user: str | None) -> list[str]:
    response = as_user(user).get(f"{proposal.absolute_url()}/@comments")
    assert response.status_code == 200, response.text[:500]
    return [item["text"]["data"] for item in response.json()["items"]]


def only_comment(proposal):
    transaction.begin()
    (comment,) = IConversation(proposal).values()
    return comment


def publish(as_user, comment, user: str = "coord"):
    """Approve as a moderator does in the classic UI (with its CSRF token)."""
    client = as_user(user)
    proposal_url = comment.absolute_url().split("/++conversation++")[0]
    page = client.get(proposal_url, headers={"Accept": "text/html"})
    token = re.search(r'data-token="([0-9a-f]+)"', page.text)
    return client.get(
        f"{comment.absolute_url()}/@@transmit-comment",
        params={
            "workflow_action": "publish",
            "_authenticator": token.group(1) if token else "",
        },
        headers={"Accept": "text/html"},
        allow_redirects=False,
    )
