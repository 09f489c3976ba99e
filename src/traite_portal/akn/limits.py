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
        Limit("max_bytes", 16 * 1024 * 1024, "size of the document (bytes)"),
        Limit("max_depth", 48, "depth of nested elements"),
        Limit("max_elements", 200_000, "number of elements"),
    )
}
MAX_BYTES = LIMITS["max_bytes"].value
MAX_DEPTH = LIMITS["max_depth"].value
MAX_ELEMENTS = LIMITS["max_elements"].value
