"""Read the pieces shared by every document: portal records, texts, relations,
and the plan's parts (chapters and measures)."""

from traite_portal import _
from traite_portal.akn.errors import AknError
from traite_portal.akn.fields import field_value
from traite_portal.akn.fields import proprietary_fields
from traite_portal.akn.fields import rich_fields
from traite_portal.akn.items import ItemData
from traite_portal.akn.kinds import MEASURE_NAME
from traite_portal.akn.namespaces import akn
from traite_portal.akn.namespaces import local_name
from traite_portal.akn.namespaces import traite
from traite_portal.akn.richtext import blocks_to_html
from traite_portal.behaviors.relations import RELATIONSHIPS


MEASURE_TEXT = "official_text"


def text_of(element) -> str:
    """The text of an element, blanks collapsed."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def child(element, *names):
    """The first ``names[0]`` child, then its first ``names[1]`` child…"""
    for name in names:
        element = element.find(akn(name)) if element is not None else None
    return element


def records_of(meta) -> dict:
    """The portal's records in ``<proprietary>``: {href or "": element}."""
    return {
        record.get("href", ""): record
        for record in meta.iterfind(f"{akn('proprietary')}/{traite('item')}")
    }


def apply_record(item: ItemData, record) -> None:
    """Id, state, creation date and plain fields from the portal's record."""
    if record is None:
        return
    item.id = record.get("id") or None
    item.state = record.get("state") or None
    item.created = record.get("created") or None
    known = dict(proprietary_fields(item.portal_type))
    for element in record.iterchildren(traite("field")):
        name = element.get("name")
        if name not in known:
            raise AknError(
                _(
                    "akn_error_unknown_field",
                    default="Champ inconnu « ${field} » pour le type ${type}.",
                    mapping={"field": name, "type": item.portal_type},
                )
            )
        item.values[name] = field_value(known[name], element)


def paragraph_html(container) -> str | None:
    """The HTML of the ``<paragraph>`` children of an element."""
    blocks = [
        block
        for paragraph in container.iterchildren(akn("paragraph"))
        for block in child(paragraph, "content")
        if isinstance(block.tag, str)
    ]
    return blocks_to_html(blocks)


def named_texts(item: ItemData, container, skip=()) -> None:
    """Rich-text fields from ``<hcontainer name="<field>">`` children."""
    names = set(rich_fields(item.portal_type)) - set(skip)
    for element in container.iterchildren(akn("hcontainer")):
        if element.get("name") in names:
            item.values[element.get("name")] = paragraph_html(element)


def relations(item: ItemData, container) -> None:
    """Relations from ``<p class="<relationship>">`` blocks of refs."""
    if container is None:
        return
    for block in container.iterchildren(akn("p")):
        if block.get("class") in RELATIONSHIPS:
            hrefs = [ref.get("href") for ref in block.iter(akn("ref"))]
            item.relations[block.get("class")] = hrefs


def _measure(element, records, plan_iri: str) -> ItemData:
    eid = element.get("eId")
    item = ItemData("Measure", text_of(child(element, "heading")), f"{plan_iri}/~{eid}")
    apply_record(item, records.get(f"#{eid}"))
    item.values[MEASURE_TEXT] = paragraph_html(element)
    named_texts(item, element, skip=(MEASURE_TEXT,))
    relations(item, child(element, "wrapUp"))
    return item


def _chapter(element, records, plan_iri: str) -> ItemData:
    eid = element.get("eId")
    item = ItemData("Chapter", text_of(child(element, "heading")), f"{plan_iri}/~{eid}")
    apply_record(item, records.get(f"#{eid}"))
    named_texts(item, element)
    relations(item, child(element, "wrapUp"))
    for measure in element.iterchildren(akn("hcontainer")):
        if measure.get("name") == MEASURE_NAME:
            item.children.append(_measure(measure, records, plan_iri))
    return item


def part(element, records, plan_iri: str) -> ItemData:
    """A chapter or a measure of a plan (its document's records at hand)."""
    if local_name(element) == "chapter":
        return _chapter(element, records, plan_iri)
    return _measure(element, records, plan_iri)
