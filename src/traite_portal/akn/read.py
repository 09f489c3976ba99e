"""Read a parsed, schema-valid document into ``ItemData`` (the way back).

The portal's ``<proprietary>`` record gives ids, states and plain fields;
titles, rich text, identifiers and relations are read from the Akoma Ntoso
elements themselves. A document from elsewhere (no portal record) still
gives its type, title, identifiers, date and text.
"""

from traite_portal import _
from traite_portal.akn.errors import AknError
from traite_portal.akn.fields import type_fields
from traite_portal.akn.items import ItemData
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.akn.kinds import FOREIGN_ACT_DEFAULT
from traite_portal.akn.kinds import FOREIGN_ACT_TYPES
from traite_portal.akn.kinds import FOREIGN_TYPES
from traite_portal.akn.kinds import IDENTIFIERS
from traite_portal.akn.namespaces import akn
from traite_portal.akn.namespaces import local_name
from traite_portal.akn.read_parts import apply_record
from traite_portal.akn.read_parts import child
from traite_portal.akn.read_parts import named_texts
from traite_portal.akn.read_parts import part
from traite_portal.akn.read_parts import records_of
from traite_portal.akn.read_parts import relations
from traite_portal.akn.read_parts import text_of
from traite_portal.akn.richtext import blocks_to_html

import datetime


BODY_PATHS = {
    "act": ("body",),
    "doc": ("mainBody",),
    "statement": ("mainBody",),
    "judgment": ("judgmentBody", "introduction"),
}
EMBEDDED = ("act", "doc", "statement", "judgment", "amendment", "documentCollection")


def portal_type_of(document, country: str) -> str:
    """The portal type of a document: its @name, else from its element."""
    tag, name = local_name(document), document.get("name")
    if name in DOCUMENTS and DOCUMENTS[name].element == tag:
        return name
    if tag == "act":
        return FOREIGN_ACT_TYPES.get(country, FOREIGN_ACT_DEFAULT)
    if tag in FOREIGN_TYPES:
        return FOREIGN_TYPES[tag]
    raise AknError(
        _(
            "akn_error_document_type",
            default="Type de document non pris en charge : « ${tag} » (name="
            "« ${name} »).",
            mapping={"tag": tag, "name": name or ""},
        )
    )


def _work(meta) -> tuple[str, str, dict]:
    """(reference IRI, country, {identifier field: value, date}) of the work."""
    work = child(meta, "identification", "FRBRWork")
    this = child(work, "FRBRthis").get("value")
    uri = child(work, "FRBRuri").get("value")
    country = child(work, "FRBRcountry").get("value")
    found = {"date": child(work, "FRBRdate").get("date")}
    labels = {label: name for name, label in IDENTIFIERS.items()}
    for alias in work.iterfind(akn("FRBRalias")):
        if alias.get("name") in labels:
            found[labels[alias.get("name")]] = alias.get("value")
    reference = uri if this.endswith("/!main") else this
    return reference, country, found


def _title(document) -> str:
    """The ``docTitle`` of the preface (the header of a judgment)."""
    for container in ("preface", "header"):
        title = document.find(f"{akn(container)}//{akn('docTitle')}")
        if title is not None:
            return text_of(title)
    return ""


def _foreign_values(item: ItemData, work: dict) -> None:
    """What a document without the portal's record says of itself."""
    kind = DOCUMENTS[item.portal_type]
    if kind.date_field and kind.date_field not in item.values:
        day = datetime.date.fromisoformat(work["date"][:10])
        item.values[kind.date_field] = (
            day.year if kind.date_field == "report_year" else day
        )


def _proposal(item: ItemData, document) -> None:
    target = document.find(f"{akn('preface')}//{akn('affectedDocument')}")
    item.parent_href = target.get("href") if target is not None else None
    content = child(document, "amendmentBody", "amendmentContent")
    item.values["text"] = blocks_to_html(content) if content is not None else None


def _contents(item: ItemData, document, records, work_iri: str) -> None:
    """Body texts, parts, embedded documents of a document."""
    tag = local_name(document)
    if tag == "amendment":
        _proposal(item, document)
    elif tag in BODY_PATHS:
        named_texts(item, child(document, *BODY_PATHS[tag]))
    if tag == "doc" and item.portal_type == "ActionPlan":
        for chapter in child(document, "mainBody").iterchildren(akn("chapter")):
            item.children.append(part(chapter, records, work_iri))
    for holder in ("attachments", "collectionBody"):
        for container in document.iterfind(f"{akn(holder)}/*"):
            for inner in container:
                if local_name(inner) in EMBEDDED:
                    item.children.append(read_document(inner))
    relations(item, child(document, "conclusions"))


def read_document(document) -> ItemData:
    """The item of a document element (``act``, ``doc``, ``portion``…)."""
    meta = child(document, "meta")
    records = records_of(meta)
    reference, country, work = _work(meta)
    if local_name(document) == "portion":
        element = next(
            e for e in child(document, "portionBody") if isinstance(e.tag, str)
        )
        work_iri = document.get("includedIn").rsplit("/!", 1)[0]
        return part(element, records, work_iri)
    item = ItemData(portal_type_of(document, country), _title(document), reference)
    apply_record(item, records.get(""))
    for name in IDENTIFIERS:
        if name in work and name in dict(type_fields(item.portal_type)):
            item.values[name] = work[name]
    if records.get("") is None:
        _foreign_values(item, work)
    _contents(item, document, records, reference)
    return item


def read_root(root) -> ItemData:
    """The item of an ``<akomaNtoso>`` root (its one document)."""
    return read_document(next(e for e in root if isinstance(e.tag, str)))
