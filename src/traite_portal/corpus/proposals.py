"""Turn the Collectif's paragraphs into proposal items and classify them."""

from dataclasses import dataclass
from difflib import SequenceMatcher
from traite_portal.corpus.model import ProposalItem
from traite_portal.corpus.paragraphs import Paragraph

import re


AMENDMENT = re.compile(
    r"reformul|de la façon suivante|rédig\w* comme suit|remplac\w* par", re.I
)
ADDITION = re.compile(
    r"\br?ajout\w*|intégr\w* dans ce chapitre"
    r"|\bmesures?\b[^.]*\b(?:dédiée|consacrée)s?\b",
    re.I,
)
# A lead-in announcing extra actions (« … nécessite par ailleurs : »).
ADDITION_LEAD_IN = re.compile(r"par ailleurs\s*:", re.I)
CHAPTER_REFERENCE = re.compile(r"\b(?:ce|du) chapitre\b", re.I)
_QUOTE = re.compile(r"«(.+?)»", re.S)


@dataclass
class Draft:
    """An item being built: its paragraphs, box and lead-in."""

    parts: list[str]
    box: int
    lead_in: str | None = None
    sublist: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.parts)


def drafts(paragraphs: list[Paragraph]) -> list[Draft]:
    """One draft per bullet; sub-lists and continuations stay in their bullet."""
    out: list[Draft] = []
    lead_in: str | None = None
    for para in paragraphs:
        last = out[-1] if out else None
        if para.bullet:
            body = para.text[2:]
            if last and last.sublist and body[:1].islower():
                last.parts.append(para.text)  # « - l'éloignement … ; » sub-item
                continue
            out.append(Draft([body], para.box, lead_in, body.endswith(":")))
        elif last and (last.sublist or last.parts[-1].endswith(":")):
            last.parts.append(para.text)  # e.g. the quoted rewording of measure 18
            last.sublist = False
        elif para.text.endswith(":"):
            lead_in = para.text  # announces the following bullets
        else:
            lead_in = None
            out.append(Draft([para.text], para.box))
    return out


def classify(text: str, lead_in: str | None) -> str:
    """amendment > addition > remark (rule documented in docs/corpus.md)."""
    if AMENDMENT.search(text):
        return "amendment"
    if ADDITION.search(text) or (lead_in and ADDITION_LEAD_IN.search(lead_in)):
        return "addition"
    return "remark"


def amendment_target(text: str, plan_paragraphs: list[str]) -> str | None:
    """The plan paragraph an amendment rewrites: the closest to its quotation."""
    quotes = _QUOTE.findall(text)
    wording = max(quotes, key=len) if quotes else text
    scored = [
        (SequenceMatcher(None, wording, para).ratio(), para) for para in plan_paragraphs
    ]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= 0.5 else None


def build(
    paragraphs: list[Paragraph], plan_paragraphs: list[str]
) -> tuple[list[ProposalItem], list[ProposalItem]]:
    """(measure-level items, chapter-level items) from a zone's Collectif text.

    An item naming « ce chapitre » / « du chapitre » is about the chapter, and so
    are the items that follow it in the same box.
    """
    own: list[ProposalItem] = []
    chapter: list[ProposalItem] = []
    chapter_box: int | None = None
    for draft in drafts(paragraphs):
        if CHAPTER_REFERENCE.search(draft.text):
            chapter_box = draft.box
        kind = classify(draft.text, draft.lead_in)
        target = (
            amendment_target(draft.text, plan_paragraphs)
            if kind == "amendment"
            else None
        )
        item = ProposalItem(draft.text, kind, target, draft.lead_in)
        (chapter if draft.box == chapter_box else own).append(item)
    return own, chapter


_ANNEX_ITEM = re.compile(
    r"(?:^|,\s+|\s+et\s+)(?P<what>.+?) dans la rubrique des (?P<rubric>.+?)"
    r"(?=,\s+l[’'a]|\s+et\s+l[’'a]|$)"
)


def annex_items(text: str) -> list[ProposalItem]:
    """The annex request, one item per text to add (target: the annex rubric)."""
    text = " ".join(text.split())
    match = re.match(r"^(?P<lead>.*?ajouter en annexe)\s+(?P<rest>.*?)\.?$", text)
    if not match:
        return [ProposalItem(text, classify(text, None))]
    lead = match["lead"]
    items = [
        ProposalItem(
            f"{lead} {m['what']} dans la rubrique des {m['rubric']}.",
            "addition",
            m["rubric"],
        )
        for m in _ANNEX_ITEM.finditer(match["rest"])
    ]
    return items or [ProposalItem(text, "addition")]
