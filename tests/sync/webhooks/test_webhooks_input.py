"""Bad input to @webhooks: a French 400 (404 for what does not exist), and
nothing stored or changed."""

from plone import api
from sync_http import session_for
from traite_portal.security.limits import limit
from traite_portal.webhooks import store
from webhooks_helpers import error_message
from webhooks_helpers import register
from webhooks_helpers import SECRET

import pytest
import transaction


MISSING = "Adresse incomplète ou invalide : @webhooks/<identifiant> est attendu."
URL = "http://127.0.0.1:{port}/hook"
CREATE = [
    ("no-url", {"secret": SECRET}, "« url » est obligatoire."),
    ("no-secret", {"url": URL}, "« secret » est obligatoire."),
    ("url-number", {"url": 5, "secret": SECRET}, "« url » doit être un texte."),
    ("url-ftp", {"url": "ftp://127.0.0.1/x", "secret": SECRET},
     "une URL « http:// » ou « https:// »"),
    ("url-no-host", {"url": "http:///x", "secret": SECRET},
     "une URL « http:// » ou « https:// »"),
    ("url-credentials", {"url": "http://a:b@127.0.0.1:{port}/", "secret": SECRET},
     "pas d'identifiants dans l'URL"),
    ("url-fragment", {"url": URL + "#x", "secret": SECRET}, "ni fragment (#)"),
    ("url-space", {"url": URL + " x", "secret": SECRET}, "ni espace"),
    ("url-too-long", {"url": URL + "?" + "x" * 2000, "secret": SECRET},
     "Adresse du webhook trop longue"),
    ("url-bad-port", {"url": "http://127.0.0.1:99999/", "secret": SECRET},
     "une URL « http:// » ou « https:// »"),
    ("secret-short", {"url": URL, "secret": "court"},
     "Secret trop court : au moins 16 caractères."),
    ("secret-long", {"url": URL, "secret": "x" * 257},
     "Secret trop long : 257 caractères, au plus 256."),
    ("secret-list", {"url": URL, "secret": ["x" * 20]},
     "« secret » doit être un texte."),
    ("types-text", {"url": URL, "secret": SECRET, "portal_types": "Document"},
     "« portal_types » doit être une liste de textes."),
    ("types-unknown", {"url": URL, "secret": SECRET, "portal_types": ["Nope"]},
     "Type de contenu inconnu : « Nope »."),
    ("kinds-unknown", {"url": URL, "secret": SECRET, "kinds": ["edited"]},
     "Type de modification inconnu : « edited »"),
    ("folder-missing", {"url": URL, "secret": SECRET, "folder": "/nulle-part"},
     "Dossier introuvable : « /nulle-part »."),
    ("folder-not-folder", {"url": URL, "secret": SECRET, "folder": "/plan/ch/m/x"},
     "Dossier introuvable"),
    ("folder-relative", {"url": URL, "secret": SECRET, "folder": "plan"},
     "Dossier introuvable"),
    ("active-text", {"url": URL, "secret": SECRET, "active": "yes"},
     "« active » doit être true ou false."),
    ("unknown-field", {"url": URL, "secret": SECRET, "owner": "carole"},
     "« owner » n'est pas un champ de webhook"),
    ("not-an-object", ["x"], "un objet JSON est attendu"),
    ("malformed-json", '{"url": ', "JSON attendu"),
]  # fmt: skip


def _fill(value, port: int):
    if isinstance(value, str):
        return value.replace("{port}", str(port))
    if isinstance(value, dict):
        return {k: _fill(v, port) for k, v in value.items()}
    return value


def send(method: str, url: str, body):
    session = session_for("carole")
    if isinstance(body, str):
        headers = {"Content-Type": "application/json"}
        return session.request(method, url, data=body, headers=headers, timeout=60)
    return session.request(method, url, json=body, timeout=60)


@pytest.mark.parametrize(
    ("case", "body", "message"), CREATE, ids=[c[0] for c in CREATE]
)
def test_bad_registration(webhooks_site, case, body, message):
    body = _fill(body, webhooks_site.receiver.port)
    answer = send("POST", f"{webhooks_site.url}/@webhooks", body)
    assert answer.status_code == 400, answer.text
    assert message in error_message(answer)
    transaction.abort()
    assert store.all_subscriptions(webhooks_site.portal) == []


@pytest.mark.parametrize(
    ("case", "body", "message"), CREATE[2:-2], ids=[c[0] for c in CREATE[2:-2]]
)
def test_bad_change(webhooks_site, case, body, message):
    hook = register("carole", webhooks_site.url, url=webhooks_site.receiver.url)
    before = session_for("carole").get(hook["@id"]).json()
    answer = send("PATCH", hook["@id"], _fill(body, webhooks_site.receiver.port))
    assert answer.status_code == 400, answer.text
    assert message in error_message(answer)
    assert session_for("carole").get(hook["@id"]).json() == before


@pytest.mark.parametrize(
    ("method", "path", "status", "message"),
    [
        ("PATCH", "/@webhooks", 400, MISSING),
        ("DELETE", "/@webhooks", 400, MISSING),
        ("GET", "/@webhooks/inconnu", 404, "Webhook introuvable : « inconnu »."),
        ("PATCH", "/@webhooks/inconnu", 404, "Webhook introuvable"),
        ("DELETE", "/@webhooks/inconnu", 404, "Webhook introuvable"),
        ("GET", "/@webhooks/{id}/autre", 404, "Adresse inconnue"),
        ("POST", "/@webhooks/{id}/deliveries", 404, "Adresse inconnue"),
    ],
)
def test_bad_paths(webhooks_site, method, path, status, message):
    hook = register("carole", webhooks_site.url, url=webhooks_site.receiver.url)
    url = webhooks_site.url + path.replace("{id}", hook["id"])
    answer = send(method, url, {} if method != "GET" else None)
    assert answer.status_code == status, answer.text
    assert message in error_message(answer)


def test_owner_limit(webhooks_site):
    portal = webhooks_site.portal
    maximum = limit("webhook_subscriptions").value
    with api.env.adopt_user(username="carole"):
        for _index in range(maximum):
            store.add_subscription(portal, "carole", webhooks_site.url, {})
    transaction.commit()
    answer = register("carole", webhooks_site.url, 400, url=webhooks_site.receiver.url)
    assert answer["error"]["message"] == (
        f"Vous avez déjà {maximum} webhooks : au plus {maximum} par personne. "
        "Supprimez-en un d'abord."
    )
    assert len(store.all_subscriptions(portal)) == maximum
