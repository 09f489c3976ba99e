"""Send one delivery over HTTP with requests: guarded connections, no
redirects, no proxies from the environment, timeouts, a capped response.

The connection classes resolve the host themselves and connect only to an
address the host policy accepts (``hosts.HostPolicy``), so the name checked
is the address connected to (no DNS rebinding between check and connect).
urllib3 retries a failed connection twice (nothing was sent yet); a
delivery's own retries, with backoff, are the worker's (``delivery.py``).
"""

from requests.adapters import HTTPAdapter
from traite_portal import _
from traite_portal.webhooks.hosts import AddressRefused
from traite_portal.webhooks.hosts import HostPolicy
from typing import NamedTuple
from urllib3.connection import HTTPConnection
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool
from urllib3.connectionpool import HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError
from urllib3.exceptions import NewConnectionError
from urllib3.util import connection
from urllib3.util.retry import Retry
from zope.i18n import translate
from zope.i18nmessageid import Message

import requests
import time


USER_AGENT = "traite-portal-webhooks/1.0"
CONNECT_RETRIES = 2


class Outcome(NamedTuple):
    """What one attempt gave: success, the HTTP status, an error in French."""

    ok: bool
    status: int | None
    error: str | None


class _Guarded:
    """Mixin of urllib3 connections: connect only to an allowed address."""

    policy: HostPolicy

    def _new_conn(self):
        addresses = self.policy.resolve(self._dns_host, self.port)
        try:
            return connection.create_connection(
                (addresses[0], self.port),
                self.timeout,
                source_address=self.source_address,
                socket_options=self.socket_options,
            )
        except TimeoutError as error:
            raise ConnectTimeoutError(self, f"{self.host}: {error}") from error
        except OSError as error:
            raise NewConnectionError(self, f"{self.host}: {error}") from error


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose pools use guarded connections."""

    def __init__(self, policy: HostPolicy) -> None:
        self.policy = policy
        retry = Retry(
            total=CONNECT_RETRIES, connect=CONNECT_RETRIES, read=0, status=0,
            redirect=0, other=0, backoff_factor=0.2, raise_on_status=False,
        )  # fmt: skip
        super().__init__(max_retries=retry)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        policy = {"policy": self.policy}
        http = type("GuardedHTTPConnection", (_Guarded, HTTPConnection), policy)
        https = type("GuardedHTTPSConnection", (_Guarded, HTTPSConnection), policy)
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("Pool", (HTTPConnectionPool,), {"ConnectionCls": http}),
            "https": type("Pool", (HTTPSConnectionPool,), {"ConnectionCls": https}),
        }


def _french(message: Message) -> str:
    return translate(message, target_language="fr")


def _read_capped(response, cap: int, deadline: float) -> None:
    """Read at most ``cap`` bytes of the answer, before ``deadline``."""
    read = 0
    for chunk in response.iter_content(chunk_size=8192):
        read += len(chunk)
        if read >= cap or time.monotonic() > deadline:
            break


def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    policy: HostPolicy,
    timeout: float,
    response_cap: int,
) -> Outcome:
    """POST ``body`` to ``url``: 2xx is a success, anything else an error."""
    try:
        policy.check_url(url)
        with requests.Session() as session:
            session.trust_env = False  # no proxy from the environment
            session.mount("http://", GuardedAdapter(policy))
            session.mount("https://", GuardedAdapter(policy))
            headers = {"User-Agent": USER_AGENT, **headers}
            with session.post(
                url,
                data=body,
                headers=headers,
                timeout=(timeout, timeout),
                allow_redirects=False,
                stream=True,
            ) as response:
                _read_capped(response, response_cap, time.monotonic() + 3 * timeout)
                return _outcome(response)
    except AddressRefused as error:
        return Outcome(False, None, _french(error.message))
    except requests.Timeout:
        return Outcome(False, None, _french(TIMEOUT))
    except requests.RequestException as error:
        cause = type(error).__name__
        message = _(
            "error_webhook_connection",
            default="Connexion impossible (${cause}).",
            mapping={"cause": cause},
        )
        return Outcome(False, None, _french(message))


def _outcome(response) -> Outcome:
    status = response.status_code
    if 200 <= status < 300:
        return Outcome(True, status, None)
    if 300 <= status < 400:
        message = _(
            "error_webhook_redirect",
            default="Redirection non suivie (HTTP ${status} vers « ${location} ») : "
            "enregistrez l'adresse finale.",
            mapping={
                "status": status,
                "location": response.headers.get("Location", "")[:200],
            },
        )
        return Outcome(False, status, _french(message))
    message = _(
        "error_webhook_status",
        default="Le destinataire a répondu HTTP ${status}.",
        mapping={"status": status},
    )
    return Outcome(False, status, _french(message))


TIMEOUT = _(
    "error_webhook_timeout",
    default="Délai dépassé : le destinataire n'a pas répondu à temps.",
)
