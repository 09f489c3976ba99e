"""Separate the plan's text from the Collectif's boxes inside one zone.

The extraction interleaves two streams: the plan (P) and the Collectif's boxes
(C). Each content line is assigned to a stream by the heuristics documented in
docs/corpus.md (box opening, page break, resumption after an empty line).
"""

from dataclasses import dataclass
from traite_portal.corpus.corrections import anchored
from traite_portal.corpus.lines import is_bullet
from traite_portal.corpus.lines import is_closed
from traite_portal.corpus.lines import Line
from traite_portal.corpus.lines import starts_lower


PLAN = "plan"
COLLECTIF = "collectif"


@dataclass(frozen=True)
class Record:
    """A content line placed in a stream, with what precedes it."""

    line: Line
    boundary: bool  # blank line, page break, indentation or stream switch before
    resumed: bool  # the stream switched on this line
    box: int  # Collectif box number (0 for the plan)
    new_box: bool = False

    @property
    def text(self) -> str:
        return self.line.text


class _State:
    def __init__(self) -> None:
        self.cur = PLAN
        self.records: dict[str, list[Record]] = {PLAN: [], COLLECTIF: []}
        self.box = 0

    def other(self) -> str:
        return COLLECTIF if self.cur == PLAN else PLAN

    def open(self, stream: str) -> bool:
        """The stream's last line stops mid-sentence (its text must go on)."""
        recs = self.records[stream]
        return bool(recs) and not is_closed(recs[-1].text)

    def lower_list(self, stream: str) -> bool:
        """The stream is inside a lowercase list (« - le …; »)."""
        recs = self.records[stream]
        bullets = [r for r in recs if is_bullet(r.text)]
        return (
            bool(bullets)
            and starts_lower(bullets[-1].text)
            and (recs[-1].text.endswith((";", ",")))
        )


def _at_page_break(state: _State, text: str) -> str:
    """The stream of a page's first line (the text may resume the other stream)."""
    cur, other = state.cur, state.other()
    if is_bullet(text):
        if starts_lower(text) and state.lower_list(other):
            if not state.lower_list(cur):
                return other
        return cur
    if starts_lower(text):
        opens = [s for s in (cur, other) if state.open(s)]
        if len(opens) == 1:
            return opens[0]
        # Both cut mid-sentence: the text interrupted by the box resumes first.
        return other if opens else cur
    # A capitalised paragraph cannot continue an open sentence; after a page
    # break the Collectif always resumes with a bullet, so this is the plan.
    return other if state.open(cur) else PLAN


def _after_empty(state: _State, text: str) -> tuple[str, bool]:
    """Stream of a line after an empty line that does not open a box."""
    cur, other = state.cur, state.other()
    if is_bullet(text):
        plan = state.records[PLAN]
        if (
            cur == PLAN
            and not starts_lower(text)
            and plan
            and plan[-1].text.endswith(".")
        ):
            # A capitalised bullet after a finished plan sentence: a box whose
            # blank spacer line was lost.
            return COLLECTIF, True
        return cur, False
    if not state.open(cur) and state.open(other):
        return other, False
    return cur, False


def separate(lines: list[Line]) -> tuple[list[Record], list[Record]]:
    """Split a zone's lines into (plan records, Collectif records)."""
    state = _State()
    empty_seen = blank_seen = box_pattern = False
    for line in lines:
        if line.is_empty:
            empty_seen = blank_seen = True
            continue
        if line.is_blank:
            box_pattern = box_pattern or empty_seen
            blank_seen = True
            continue
        if line.is_noise:
            continue
        text, new_box = line.text, False
        if anchored(text, "plan") or line.is_header:
            stream = PLAN
        elif box_pattern and state.records[PLAN]:
            # "" then " ": the opening of a Collectif box (ignored before any
            # plan text: chapter titles and measure titles are followed by it).
            stream, new_box = COLLECTIF, True
        elif line.page_break:
            stream = _at_page_break(state, text)
        elif empty_seen:
            stream, new_box = _after_empty(state, text)
        else:
            stream = state.cur
        if new_box:
            state.box += 1
        resumed = stream != state.cur
        state.records[stream].append(
            Record(
                line=line,
                boundary=blank_seen or resumed or line.lead >= 1,
                resumed=resumed,
                box=state.box if stream == COLLECTIF else 0,
                new_box=new_box,
            )
        )
        state.cur = stream
        empty_seen = blank_seen = box_pattern = False
    return state.records[PLAN], state.records[COLLECTIF]
