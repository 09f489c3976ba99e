"""Footnotes: cut the page-bottom notes out of the text, drop glued markers."""

from traite_portal.corpus.lines import Line
from traite_portal.corpus.lines import starts_lower

import re


_NOTE = re.compile(r"^(?P<number>\d{1,2})(?:\s+(?P<text>\S.*))?$")


def _zone_start(lines: list[Line], index: int) -> bool:
    """A separator line followed by « N text » or a bare « N »."""
    if not lines[index].is_separator:
        return False
    for line in lines[index + 1 :]:
        if line.text:
            return bool(_NOTE.match(line.text))
    return False


def extract_footnotes(lines: list[Line]) -> tuple[list[Line], dict[int, str]]:
    """The lines without footnote zones, and the notes by number."""
    kept: list[Line] = []
    notes: dict[int, list[str]] = {}
    current: int | None = None
    in_zone = False
    for index, line in enumerate(lines):
        if not in_zone and _zone_start(lines, index):
            in_zone, current = True, None
            continue
        if in_zone:
            text = line.text
            if not text:
                continue
            match = _NOTE.match(text)
            if match:
                current = int(match["number"])
                notes[current] = [match["text"]] if match["text"] else []
                continue
            if current is not None and (not notes[current] or starts_lower(text)):
                notes[current].append(text)
                continue
            in_zone = False
        kept.append(line)
    return kept, {n: " ".join(" ".join(parts).split()) for n, parts in notes.items()}


def strip_marker(text: str, number: int) -> tuple[str, bool]:
    """Remove the first note call glued to a word or a year.

    « 7 janvier 20101 » is 2010 + note 1, « garanti2 » is garanti + note 2.
    """
    pattern = re.compile(rf"(?<=[a-zà-ÿ)]){number}\b|(?<=\b(?:19|20)\d\d){number}\b")
    new, count = pattern.subn("", text, count=1)
    return new, bool(count)
