"""Rebuild paragraphs from the records of one stream."""

from dataclasses import dataclass
from traite_portal.corpus.corrections import anchored
from traite_portal.corpus.lines import is_bullet
from traite_portal.corpus.lines import is_closed
from traite_portal.corpus.segments import Record

import re


@dataclass(frozen=True)
class Paragraph:
    """A paragraph, list item or header field of one stream."""

    text: str
    box: int
    first_line: int
    header: bool = False
    new_box: bool = False

    @property
    def bullet(self) -> bool:
        return self.text.startswith("- ")


_INFINITIVE = re.compile(r"^(?:[Ss][’'])?[A-Za-zÀ-ÿ]+(?:er|ir|re)\b")


def normalise_bullet(text: str) -> str:
    """« -les », « -  La », « - -Le », « 2- Créer » all become « - … »."""
    text = " ".join(text.split())
    if text.startswith("-"):
        return "- " + re.sub(r"^-\s*(?:-\s*(?=\D))?", "", text)
    if is_bullet(text):  # numbered item « 2- Créer »
        return "- " + text
    return text


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if not out:
            out = line
        elif re.search(r"\w-$", out) and line[:1].islower():
            out += line  # word hyphenated at the end of the line (« ci-/dessous »)
        else:
            out += " " + line
    return " ".join(out.split())


def assemble(records: list[Record]) -> list[Paragraph]:
    """Group records into paragraphs: bullets, header labels and boundaries
    not followed by a continuation start a new paragraph."""
    groups: list[tuple[Record, list[str]]] = []
    for rec in records:
        text = rec.text
        starts = (
            not groups
            or rec.new_box
            or is_bullet(text)
            or rec.line.is_header
            or anchored(text, "new-paragraph")
        )
        if not starts and rec.boundary:
            current = groups[-1][1][-1]
            continuation = not is_closed(current) and (
                text[:1].islower() or rec.resumed
            )
            starts = not continuation
        if starts:
            groups.append((rec, [text]))
        else:
            groups[-1][1].append(text)
    return [
        Paragraph(
            text=normalise_bullet(_join(lines)),
            box=first.box,
            first_line=first.line.number,
            header=first.line.is_header,
            new_box=first.new_box,
        )
        for first, lines in groups
    ]


def restore_bullets(paragraphs: list[str]) -> list[str]:
    """Give back the « - » lost by the extraction to list items of the plan.

    After a paragraph ending with « : », items are bullets or paragraphs starting
    with an infinitive (« Fournir … », « S'assurer … », « adopter … »).
    """
    out: list[str] = []
    in_list = False
    for text in paragraphs:
        if text.startswith("- "):
            out.append(text)
            in_list = in_list or bool(out[:-1] and out[-2].endswith(":"))
            continue
        if (in_list or (out and out[-1].endswith(":"))) and _INFINITIVE.match(text):
            out.append("- " + text)
            in_list = True
            continue
        in_list = False
        out.append(text)
    return out
