"""Cut the document into its title block, chapters, measures and annex zone."""

from dataclasses import dataclass
from dataclasses import field
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.lines import Line

import re


CHAPTER = re.compile(r"^CHAPITRE\s+(?P<roman>[IVXL]+)\s*[-–]\s*(?P<title>.*)$")
MEASURE = re.compile(r"^MESURE\s+N°\s*(?P<number>\d+)\s*:\s*(?P<title>.*)$")
ANNEX = re.compile(r"^Modifications souhaitées par les membres du Collectif")
FINDINGS = re.compile(r"^CONSTAT\.?$")


@dataclass
class MeasureBlock:
    """A measure heading, its (joined) title and the lines of its zone."""

    number: int
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class ChapterBlock:
    """A chapter heading, the lines before its first measure, its measures."""

    roman: str
    title: str
    lines: list[Line] = field(default_factory=list)
    measures: list[MeasureBlock] = field(default_factory=list)


@dataclass
class Blocks:
    """The document cut at its headings."""

    head: list[Line] = field(default_factory=list)
    chapters: list[ChapterBlock] = field(default_factory=list)
    annex_heading: str | None = None
    annex: list[Line] = field(default_factory=list)


def clean_title(parts: list[str]) -> str:
    """Join the lines of a heading, collapse spaces, drop a final period."""
    return " ".join(" ".join(parts).split()).rstrip(" .")


def cut(lines: list[Line]) -> Blocks:
    """Cut the lines at chapter, measure and annex headings."""
    blocks = Blocks()
    target = blocks.head
    in_title: list[str] | None = None
    measure: MeasureBlock | None = None
    for line in lines:
        text = line.text
        if in_title is not None:
            if text and not line.is_header:
                in_title.append(text)
                continue
            measure.title = clean_title(in_title)
            in_title = None
        if match := CHAPTER.match(text):
            chapter = ChapterBlock(match["roman"], clean_title([match["title"]]))
            blocks.chapters.append(chapter)
            target, measure = chapter.lines, None
        elif match := MEASURE.match(text):
            if not blocks.chapters or blocks.annex_heading is not None:
                raise CorpusFormatError(
                    f"Fichier de corpus invalide : mesure n° {match['number']} "
                    "hors de tout chapitre."
                )
            measure = MeasureBlock(int(match["number"]), "")
            blocks.chapters[-1].measures.append(measure)
            target = measure.lines
            in_title = [match["title"]] if match["title"].strip() else []
        elif ANNEX.match(text):
            blocks.annex_heading = text
            target, measure = blocks.annex, None
        else:
            target.append(line)
    if in_title is not None:
        measure.title = clean_title(in_title)
    return blocks
