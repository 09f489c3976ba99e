"""HTTP to the portal: requests with timeouts, retries and the client's identity.

Every request has a connect and a read timeout; GET requests that fail on the
network or answer 429, 502, 503 or 504 are retried with exponential backoff
(urllib3's ``Retry``, honouring ``Retry-After``). Each worker thread has its
own session (connection pool), all with the same authentication.
"""

from traite_sync.exits import Exit
from traite_sync.exits import SyncError
from urllib3.util.retry import Retry

import requests
import threading


USER_AGENT = "traite-sync/1.0"
RETRIED_STATUSES = (429, 502, 503, 504)
CONNECT_TIMEOUT = 10.0


class Http:
    """Sessions sharing one authentication, one per thread."""

    def __init__(self, timeout: float = 60.0, retries: int = 3) -> None:
        self.timeout = (min(CONNECT_TIMEOUT, timeout), timeout)
        self.retries = retries
        self.auth: tuple[str, str] | None = None
        self.token: str | None = None
        self._local = threading.local()

    def session(self) -> requests.Session:
        """This thread's session, made on first use."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            # Proxies and credentials come from the options, not ~/.netrc.
            session.trust_env = False
            retry = Retry(
                total=self.retries,
                backoff_factor=0.5,
                status_forcelist=RETRIED_STATUSES,
                allowed_methods=frozenset({"GET"}),
                raise_on_status=False,
                respect_retry_after_header=True,
            )
            adapter = requests.adapters.HTTPAdapter(max_retries=retry)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers.update(
                {"Accept": "application/json", "User-Agent": USER_AGENT}
            )
            self._local.session = session
        session.auth = self.auth
        if self.token:
            session.headers["Authorization"] = f"Bearer {self.token}"
        return session

    def get(self, url: str, params=None, headers=None) -> requests.Response:
        """GET ``url``; a network failure (after retries) is ``Exit.UNREACHABLE``."""
        return self._send("GET", url, params=params, headers=headers)

    def post_json(self, url: str, body: dict) -> requests.Response:
        """POST a JSON body (not retried: only connection failures are)."""
        return self._send("POST", url, json=body)

    def _send(self, method: str, url: str, **options) -> requests.Response:
        try:
            return self.session().request(
                method, url, timeout=self.timeout, allow_redirects=False, **options
            )
        except requests.exceptions.RetryError as error:
            raise SyncError(
                Exit.UNREACHABLE, f"le portail ne répond pas ({url}) : {error}"
            ) from None
        except requests.exceptions.Timeout:
            raise self._timed_out(url) from None
        except requests.exceptions.ConnectionError as error:
            # Read timeouts retried to the end come as a ConnectionError.
            if "Read timed out" in str(error):
                raise self._timed_out(url) from None
            raise SyncError(
                Exit.UNREACHABLE,
                f"impossible de joindre le portail ({url}) : {reason(error)}",
            ) from None
        except requests.exceptions.RequestException as error:
            raise SyncError(
                Exit.UNREACHABLE, f"requête impossible ({url}) : {error}"
            ) from None

    def _timed_out(self, url: str) -> SyncError:
        return SyncError(
            Exit.UNREACHABLE,
            f"le portail ne répond pas : délai dépassé ({self.timeout[1]:g} s, "
            f"{self.retries} nouvelles tentatives) en attendant {url}",
        )


def reason(error: Exception) -> str:
    """What went wrong with a connection, in a few French words."""
    text = str(error)
    if "Connection refused" in text or "ConnectionRefused" in text:
        return "connexion refusée (aucun serveur à cette adresse ?)"
    if "Name or service not known" in text or "NameResolution" in text:
        return "nom d'hôte inconnu"
    if "timed out" in text:
        return "délai de connexion dépassé"
    return text


def portal_message(response: requests.Response) -> str:
    """The portal's own error message (plone.restapi's JSON), or the status."""
    try:
        data = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    if isinstance(data, dict):
        error = data.get("error", data)
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return f"HTTP {response.status_code} : {error['message']}"
    return f"HTTP {response.status_code}"


def refused(response: requests.Response, what: str) -> SyncError:
    """The error for an unexpected answer to ``what``: auth failures apart."""
    if response.status_code == 401:
        return SyncError(
            Exit.AUTH,
            f"le portail demande une authentification pour {what} "
            "(--user ou --token) ou refuse celle donnée",
        )
    return SyncError(
        Exit.PORTAL, f"le portail a refusé {what} ({portal_message(response)})"
    )


def json_of(response: requests.Response, what: str) -> dict:
    """The JSON object of a 200 answer; anything else is ``Exit.PORTAL``."""
    if response.status_code != 200:
        raise refused(response, what)
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise SyncError(
            Exit.PORTAL, f"réponse inattendue du portail pour {what} (pas du JSON)"
        )
    return data
