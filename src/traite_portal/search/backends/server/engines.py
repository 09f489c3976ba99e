"""One small interface over the two official clients.

OpenSearch 2.x through ``opensearch-py`` (keyword arguments only) and
Elasticsearch 8.x through ``elasticsearch`` 8.x. Both take the same JSON
bodies; this module hides the few differences (client options, errors) and
turns every network failure or timeout into :class:`ServerUnavailable`, the
signal for the portal to fall back to the catalog.
"""

from traite_portal.search.backends.server.settings import ServerSettings

import threading


class ServerUnavailable(Exception):
    """The search server did not answer in time (down, slow, unreachable)."""


class ServerError(Exception):
    """The search server answered with an error the portal cannot use."""

    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status


def _client(settings: ServerSettings):
    # No retry: a slow or dead server must cost one timeout, not several.
    if settings.engine == "opensearch":
        from opensearchpy import OpenSearch

        return OpenSearch(
            hosts=[settings.url],
            timeout=settings.timeout,
            max_retries=0,
            retry_on_timeout=False,
        )
    from elasticsearch import Elasticsearch

    return Elasticsearch(
        settings.url,
        request_timeout=settings.timeout,
        max_retries=0,
        retry_on_timeout=False,
    )


def _errors(engine: str):
    """(connection errors, API errors) of the engine's client."""
    if engine == "opensearch":
        from opensearchpy.exceptions import ConnectionError
        from opensearchpy.exceptions import TransportError

        return (ConnectionError,), (TransportError,)
    from elastic_transport import ConnectionError
    from elastic_transport import ConnectionTimeout
    from elasticsearch import ApiError

    return (ConnectionError, ConnectionTimeout), (ApiError,)


def _status(error) -> int:
    status = getattr(error, "status_code", None)
    if not isinstance(status, int):
        status = getattr(getattr(error, "meta", None), "status", None)
    return status if isinstance(status, int) else 500


class Engine:
    """A search server: search, bulk, indexes and aliases, health."""

    def __init__(self, settings: ServerSettings):
        self.settings = settings
        self.name = settings.engine
        self.client = _client(settings)
        self._connection_errors, self._api_errors = _errors(settings.engine)

    def call(self, method: str, **kwargs):
        """``client.<method>(**kwargs)``, errors translated; a dict back."""
        target = self.client
        for part in method.split("."):
            target = getattr(target, part)
        try:
            response = target(**kwargs)
        except self._connection_errors as error:
            raise ServerUnavailable(str(error)) from error
        except self._api_errors as error:
            status = _status(error)
            # Overloaded or unreachable behind a proxy: down for a while. Any
            # other error is about this request (a query the server refuses).
            if status in (429, 502, 503, 504):
                raise ServerUnavailable(f"{status}: {error}") from error
            raise ServerError(status, str(error)) from error
        return getattr(response, "body", response)

    def health(self) -> str:
        """green, yellow or red (``GET /`` is not used: ES's test build says 405)."""
        return self.call("cluster.health")["status"]

    def search(self, index: str, body: dict, cache: bool = False) -> dict:
        """The answer to ``body``; with ``cache``, from the server's shard
        request cache when the same body was asked since the index last
        changed (the server drops the cache at every refresh that changes it,
        so an answer is never older than the index)."""
        if cache:
            return self.call("search", index=index, body=body, request_cache=True)
        return self.call("search", index=index, body=body)

    def count(self, index: str, query: dict) -> int:
        return self.call("count", index=index, body={"query": query})["count"]

    def bulk(self, operations: list[dict], refresh: bool = False) -> dict:
        """Run a bulk request; any item error but a version conflict or a
        missing document on delete raises.

        A version conflict is not a success: the server kept a document of a
        higher version. The answer's ``refused`` lists their ids: the caller
        decides whether a newer write won or the index is ahead of the log.
        """
        if not operations:
            return {"items": [], "refused": []}
        answer = self.call(
            "bulk", body=operations, refresh="true" if refresh else "false"
        )
        answer["refused"] = []
        for item in answer.get("items", ()):
            ((action, result),) = item.items()
            status = result.get("status", 200)
            if status == 409:
                answer["refused"].append(result.get("_id"))
            elif status >= 300 and not (action == "delete" and status == 404):
                raise ServerError(status, str(result.get("error")))
        return answer

    def versions(self, index: str, ids: list[str]) -> dict:
        """{id: version} of the documents ``ids`` that exist."""
        if not ids:
            return {}
        docs = [{"_id": id_, "_source": False} for id_ in ids]
        answer = self.call("mget", index=index, body={"docs": docs})
        return {d["_id"]: d["_version"] for d in answer["docs"] if d.get("found")}

    def analyze(self, body: dict) -> list[str]:
        answer = self.call("indices.analyze", body=body)
        return [token["token"] for token in answer["tokens"]]

    def exists_alias(self, alias: str) -> bool:
        return bool(self.call("indices.exists_alias", name=alias))

    def alias_indices(self, alias: str) -> list[str]:
        """The indexes behind ``alias`` (none when it does not exist)."""
        try:
            return sorted(self.call("indices.get_alias", name=alias))
        except ServerError as error:
            if error.status == 404:
                return []
            raise

    def indices(self, pattern: str) -> list[str]:
        try:
            return sorted(self.call("indices.get", index=pattern))
        except ServerError as error:
            if error.status == 404:
                return []
            raise

    def create_index(self, index: str, body: dict) -> None:
        self.call("indices.create", index=index, body=body)

    def delete_index(self, index: str) -> None:
        self.call("indices.delete", index=index)

    def update_aliases(self, actions: list[dict]) -> None:
        self.call("indices.update_aliases", body={"actions": actions})

    def refresh(self, index: str) -> None:
        self.call("indices.refresh", index=index)

    def mapping_meta(self, alias: str) -> dict:
        """The ``_meta`` of the index behind ``alias`` (how it was built)."""
        answer = self.call("indices.get_mapping", index=alias)
        for index in answer.values():
            return index.get("mappings", {}).get("_meta", {})
        return {}


_engines: dict = {}
_lock = threading.Lock()


def get_engine(settings: ServerSettings) -> Engine:
    """One client per settings, shared by the threads (the clients pool connections)."""
    with _lock:
        engine = _engines.get(settings)
        if engine is None:
            engine = _engines[settings] = Engine(settings)
        return engine
