"""Embed a document inside another (attachment, collection component).

The schema wants every eId unique in the outer document, embedded ones
included: the embedded document's eIds, and its local references to them
(``#eId`` in ``refersTo``, ``href``, ``source``), get the component's eId as
prefix, as the naming convention does for components.
"""

from traite_portal.akn.namespaces import A

import copy


LOCAL_REFERENCE_ATTRIBUTES = ("href", "source")


def _prefixed(value: str, prefix: str) -> str:
    return f"#{prefix}__{value[1:]}" if value.startswith("#") else value


def embed(document, container_tag: str, eid: str):
    """``<attachment eId=…>`` (or ``<component>``) holding a prefixed copy."""
    inner = copy.deepcopy(document)
    for element in inner.iter():
        if not isinstance(element.tag, str):
            continue
        if "eId" in element.attrib:
            element.set("eId", f"{eid}__{element.get('eId')}")
        if "refersTo" in element.attrib:
            refs = element.get("refersTo").split()
            element.set("refersTo", " ".join(_prefixed(r, eid) for r in refs))
        for name in LOCAL_REFERENCE_ATTRIBUTES:
            if name in element.attrib:
                element.set(name, _prefixed(element.get(name), eid))
    return getattr(A, container_tag)(inner, eId=eid)
