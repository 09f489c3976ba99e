"""Limits on imported documents: one table read by the parser, tests and docs."""

from typing import NamedTuple


class Limit(NamedTuple):
    """One limit on an imported document."""

    name: str
    value: int
    what: str


LIMITS = {
    limit.name: limit
    for limit in (
        Limit("max_bytes", 16 * 1024 * 1024, "taille du document (octets)"),
        Limit("max_depth", 48, "profondeur d'imbrication des éléments"),
        Limit("max_elements", 200_000, "nombre d'éléments"),
    )
}
MAX_BYTES = LIMITS["max_bytes"].value
MAX_DEPTH = LIMITS["max_depth"].value
MAX_ELEMENTS = LIMITS["max_elements"].value
