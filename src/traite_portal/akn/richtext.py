"""Rich text (the portal's HTML) to Akoma Ntoso blocks, and back.

Each top-level block of the HTML (paragraph, list, heading, quotation…)
becomes one AKN block (``p``, ``ul``, ``ol``); inline markup keeps ``b``,
``i``, ``u``, ``sub``, ``sup``, ``span``, links and line breaks, and any
other element gives its text. The way back writes the HTML the editor
writes (``strong``, ``em``), so a second round trip changes nothing.
"""

from lxml import etree
from lxml import html as lxml_html
from traite_portal.akn.namespaces import A
from traite_portal.akn.namespaces import akn
from traite_portal.akn.namespaces import local_name

import copy


INLINE_TO_AKN = {
    "b": "b",
    "strong": "b",
    "i": "i",
    "em": "i",
    "u": "u",
    "sub": "sub",
    "sup": "sup",
    "span": "span",
}
AKN_TO_HTML = {"b": "strong", "i": "em", "u": "u", "sub": "sub", "sup": "sup"}
LIST_TAGS = ("ul", "ol")
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th")
CONTAINER_TAGS = ("div", "section", "article", "table", "thead", "tbody", "tr")
HTML_PARSER_OPTIONS = {"no_network": True, "remove_comments": True, "remove_pis": True}


def _append_text(target, text: str | None) -> None:
    if not text:
        return
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text


def _inline_child(child, target) -> None:
    """Copy one inline HTML element (and its tail) into an AKN element."""
    if isinstance(child.tag, str):
        tag = child.tag.lower()
        if tag == "br":
            target.append(A.eol())
        elif tag == "a" and child.get("href"):
            link = A.a(href=child.get("href"))
            _inline(child, link)
            target.append(link)
        elif tag in INLINE_TO_AKN:
            element = etree.SubElement(target, akn(INLINE_TO_AKN[tag]))
            _inline(child, element)
        else:
            _append_text(target, child.text_content())
    _append_text(target, child.tail)


def _inline(source, target) -> None:
    """Copy the inline content of an HTML element into an AKN element."""
    _append_text(target, source.text)
    for child in source:
        _inline_child(child, target)


def strip_edges(element):
    """Drop the whitespace at both ends of an element's content.

    Leading and trailing blanks of a paragraph mean nothing in HTML; dropping
    them both ways makes the indentation of an exported file harmless.
    """
    if element.text:
        element.text = element.text.lstrip() or None
    last = element
    while len(last):
        if last[-1].tail and last[-1].tail.strip():
            last[-1].tail = last[-1].tail.rstrip()
            return element
        last[-1].tail = None
        last = last[-1]
    if last.text:
        last.text = last.text.rstrip() or None
    return element


def _list(source):
    element = A(source.tag.lower())
    for item in source:
        if isinstance(item.tag, str) and item.tag.lower() == "li":
            li = A.li()
            _inline(item, li)
            element.append(strip_edges(li))
    return element if len(element) else None


def _blocks(element) -> list:
    """The AKN blocks of an HTML element's content (loose text as ``p``)."""
    blocks = []
    if element.text and element.text.strip():
        blocks.append(A.p(element.text.strip()))
    for child in element:
        if not isinstance(child.tag, str):
            pass
        elif child.tag.lower() in LIST_TAGS:
            blocks.append(_list(child))
        elif child.tag.lower() in CONTAINER_TAGS:
            blocks.extend(_blocks(child))
        elif child.tag.lower() in BLOCK_TAGS:
            paragraph = A.p()
            _inline(child, paragraph)
            blocks.append(strip_edges(paragraph))
        else:  # inline markup or an unknown element at the top: a paragraph
            paragraph = A.p()
            alone = copy.deepcopy(child)
            alone.tail = None  # the tail is a paragraph of its own, below
            _inline_child(alone, paragraph)
            blocks.append(strip_edges(paragraph))
        if child.tail and child.tail.strip():
            blocks.append(A.p(child.tail.strip()))
    return [b for b in blocks if b is not None]


def html_to_blocks(html: str | None) -> list:
    """The AKN blocks (``p``, ``ul``, ``ol``) of the portal's HTML."""
    if not html or not html.strip():
        return []
    parser = lxml_html.HTMLParser(**HTML_PARSER_OPTIONS)
    document = lxml_html.document_fromstring(f"<div>{html}</div>", parser=parser)
    body = document.find("body")
    container = body[0] if body is not None and len(body) else document
    return _blocks(container)


def _html_inline(source, target) -> None:
    """Copy AKN inline content into an HTML element."""
    _append_text(target, source.text)
    for child in source:
        name = local_name(child)
        if name == "eol":
            etree.SubElement(target, "br")
        elif name == "a" and child.get("href"):
            link = etree.SubElement(target, "a", href=child.get("href"))
            _html_inline(child, link)
        elif name in AKN_TO_HTML or name == "span":
            element = etree.SubElement(target, AKN_TO_HTML.get(name, "span"))
            _html_inline(child, element)
        elif name:
            _html_inline(child, target)
        _append_text(target, child.tail)


def blocks_to_html(blocks) -> str | None:
    """The portal's HTML for AKN blocks; None when they hold no text."""
    parts = []
    for block in blocks:
        name = local_name(block)
        if name in LIST_TAGS:
            element = etree.Element(name)
            for item in block.iterchildren(akn("li")):
                _html_inline(item, etree.SubElement(element, "li"))
                strip_edges(element[-1])
        elif name == "p":
            element = etree.Element("p")
            _html_inline(block, element)
            strip_edges(element)
        else:
            continue
        parts.append(etree.tostring(element, encoding="unicode", method="html"))
    if not any(_has_text(block) for block in blocks):
        return None
    return "\n".join(parts)


def _has_text(block) -> bool:
    return bool("".join(block.itertext()).strip())
