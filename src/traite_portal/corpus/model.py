"""The intermediate format produced by the parser (pure Python, JSON-ready)."""

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import Literal


ProposalKind = Literal["amendment", "addition", "remark"]
HEADER_FIELDS = ("responsible", "partners", "instruments", "deadline")
# The labels of the source document, for messages and the printed summary.
HEADER_LABELS = {
    "responsible": "Responsable",
    "partners": "Partenaires",
    "instruments": "Instrument",
    "deadline": "Échéance",
}


@dataclass(frozen=True)
class ProposalItem:
    """One proposal of the Collectif (one bullet of its boxes)."""

    text: str
    kind: ProposalKind
    target: str | None = None
    # The Collectif's own introductory sentence when a bullet belongs to a list
    # it announced (e.g. "L'exécution de cette mesure n°20 nécessite par ailleurs :").
    lead_in: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Measure:
    """One of the 33 measures: header fields, official text, proposals."""

    number: int
    title: str
    responsible: list[str]
    partners: list[str]
    instruments: list[str]
    deadline_label: str
    deadline_start: int | None
    deadline_end: int | None
    official_text: str
    proposals: list[ProposalItem] = field(default_factory=list)
    missing_fields: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Chapter:
    """A chapter: title, introduction, findings (« CONSTAT »), measures."""

    number: int
    roman: str
    title: str
    introduction: str
    findings: str
    measures: list[Measure] = field(default_factory=list)
    proposals: list[ProposalItem] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PlanInfo:
    """The plan itself (July 2010, covering 2011-2013)."""

    title: str
    adoption_date: str = "2010-07"
    period_start: int = 2011
    period_end: int = 2013
    summary: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number > 1 else ''}"


@dataclass(frozen=True)
class ParsedCorpus:
    """The whole parsed document."""

    plan: PlanInfo
    chapters: list[Chapter]
    annex_proposals: list[ProposalItem]
    source_sha256: str

    @property
    def measures(self) -> list[Measure]:
        return [m for chapter in self.chapters for m in chapter.measures]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary_data(self) -> dict[str, Any]:
        """Counts per chapter and missing header fields per measure."""
        chapters = [
            {
                "chapter": c.roman,
                "measures": [m.number for m in c.measures],
                "measure_proposals": sum(len(m.proposals) for m in c.measures),
                "chapter_proposals": len(c.proposals),
            }
            for c in self.chapters
        ]
        return {
            "chapters": chapters,
            "measures": len(self.measures),
            "proposals": sum(len(m.proposals) for m in self.measures)
            + sum(len(c.proposals) for c in self.chapters),
            "annex_proposals": len(self.annex_proposals),
            "missing_fields": {
                m.number: list(m.missing_fields)
                for m in self.measures
                if m.missing_fields
            },
        }

    def summary(self) -> str:
        """The parse summary as printable French text."""
        data = self.summary_data()
        lines = [
            f"{len(self.chapters)} chapitres, {data['measures']} mesures, "
            f"{data['proposals']} propositions du Collectif "
            f"(+ {data['annex_proposals']} sur les annexes)",
        ]
        for row in data["chapters"]:
            numbers = row["measures"]
            span = (
                f"mesure {numbers[0]}"
                if len(numbers) == 1
                else f"mesures {numbers[0]} à {numbers[-1]}"
            )
            lines.append(
                f"  Chapitre {row['chapter']} : {span}, "
                f"{_count(row['measure_proposals'], 'proposition')} sur les "
                f"mesures, {row['chapter_proposals']} sur le chapitre"
            )
        lines.append("Propositions par mesure :")
        lines.append(
            "  " + ", ".join(f"{m.number}: {len(m.proposals)}" for m in self.measures)
        )
        lines.append("Champs d'en-tête absents :")
        for number, missing in data["missing_fields"].items():
            labels = ", ".join(HEADER_LABELS[name] for name in missing)
            lines.append(f"  mesure {number} : {labels}")
        return "\n".join(lines)
