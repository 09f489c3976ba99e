"""Line-level facts of the PDF-to-text extraction, computed once per line."""

from dataclasses import dataclass

import re


HEADER_LABEL = re.compile(
    r"^(?P<label>Responsables?|Partenaires?|Instruments?|[ÉE]ch[ée]anc(?:e|ier))"
    r"\s*:\s*(?P<value>.*)$"
)
BULLET = re.compile(r"^(?:-|\d+-\s)")
# Terminal punctuation closes a sentence; a header value ending with a year
# (« Échéance : 2011 ») is complete as well.
_CLOSED = re.compile(r"[.;:!?»)…\d]$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_PUNCT_ONLY = re.compile(r"^[.,;:-]$")


@dataclass(frozen=True)
class Line:
    """One physical line: its number (1-based), raw text and derived facts."""

    number: int
    raw: str

    @property
    def text(self) -> str:
        return self.raw.strip()

    @property
    def lead(self) -> int:
        return len(self.raw) - len(self.raw.lstrip(" "))

    @property
    def is_empty(self) -> bool:
        """Exactly empty: the extraction's mark of a layout block boundary."""
        return self.raw == ""

    @property
    def is_blank(self) -> bool:
        """Spaces only (the plan's paragraph separator)."""
        return self.raw != "" and not self.raw.strip()

    @property
    def is_separator(self) -> bool:
        """The footnote rule: a long run of spaces or underscores."""
        stripped = self.raw.strip()
        return (not stripped and len(self.raw) >= 20) or (
            len(stripped) >= 5 and set(stripped) == {"_"}
        )

    @property
    def page_break(self) -> bool:
        """A page's first line starts with exactly one space."""
        return self.lead == 1 and bool(self.text)

    @property
    def is_noise(self) -> bool:
        """Stray page number, lone punctuation or an empty bullet."""
        return bool(_PAGE_NUMBER.match(self.text) or _PUNCT_ONLY.match(self.text))

    @property
    def is_header(self) -> bool:
        return bool(HEADER_LABEL.match(self.text))


def is_closed(text: str) -> bool:
    """True when ``text`` ends a sentence (or a list item, or a header value)."""
    return bool(_CLOSED.search(text.rstrip()))


def is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def starts_lower(text: str) -> bool:
    body = re.sub(r"^-\s*", "", text)
    return bool(body) and body[0].islower()


def split_lines(text: str) -> list[Line]:
    """The document as numbered lines (CRLF tolerated)."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [Line(i, raw) for i, raw in enumerate(raw_lines, start=1)]
