"""The measure header: Responsable(s), Partenaire(s), Instrument(s), Échéance."""

from dataclasses import dataclass
from dataclasses import field
from traite_portal.corpus.bodies import split_bodies
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.errors import UnknownBodyError
from traite_portal.corpus.lines import HEADER_LABEL
from traite_portal.corpus.model import HEADER_FIELDS

import re


_FIELD_OF_LABEL = {
    "responsable": "responsible",
    "partenaire": "partners",
    "instrument": "instruments",
}
_DEADLINE = re.compile(r"^(?P<start>\d{4})(?:\s*-\s*(?P<end>\d{4}))?$")


@dataclass
class Header:
    """Parsed header fields of one measure."""

    responsible: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    deadline_label: str = ""
    deadline_start: int | None = None
    deadline_end: int | None = None
    present: set[str] = field(default_factory=set)

    @property
    def missing(self) -> list[str]:
        return [name for name in HEADER_FIELDS if name not in self.present]


def _field_name(label: str) -> str:
    key = label.lower().rstrip("s")
    return _FIELD_OF_LABEL.get(key, "deadline")


def _deadline(header: Header, value: str, number: int) -> None:
    label = re.sub(r"\s*-\s*", "-", value.strip())
    match = _DEADLINE.match(label)
    if not match:
        raise CorpusFormatError(
            f"Fichier de corpus invalide : échéance illisible « {value} » "
            f"(mesure n° {number})."
        )
    header.deadline_label = label
    header.deadline_start = int(match["start"])
    header.deadline_end = int(match["end"] or match["start"])


def parse_header(fields: list[str], number: int) -> Header:
    """Parse the header paragraphs (one per label) of measure ``number``."""
    header = Header()
    for text in fields:
        match = HEADER_LABEL.match(text)
        name = _field_name(match["label"])
        if name in header.present:
            raise CorpusFormatError(
                f"Fichier de corpus invalide : champ « {match['label']} » en double "
                f"(mesure n° {number})."
            )
        header.present.add(name)
        value = match["value"].strip()
        if name == "deadline":
            _deadline(header, value, number)
        elif name == "instruments":
            header.instruments = [
                v.strip() for v in re.split(r"[,;]", value) if v.strip()
            ]
        else:
            try:
                setattr(header, name, split_bodies(value))
            except UnknownBodyError as error:
                raise UnknownBodyError(
                    f"{value} (mesure n° {number})", error.remainder
                ) from None
    if not header.present:
        raise CorpusFormatError(
            f"Fichier de corpus invalide : la mesure n° {number} n'a pas d'en-tête "
            "(Responsable, Partenaires, Instrument, Échéance)."
        )
    return header
