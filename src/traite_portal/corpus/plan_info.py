"""The plan's identity, read from the title block of the document."""

from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.lines import Line
from traite_portal.corpus.model import Chapter
from traite_portal.corpus.model import PlanInfo

import re


_TITLE = re.compile(
    r"Plan d[’']action national de lutte contre la traite des êtres humains", re.I
)
_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_DATE = re.compile(rf"\bde ({'|'.join(_MONTHS)}) (\d{{4}})\b", re.I)
_SUBTITLE = re.compile(r"Propositions des associations .*?»")


def plan_info(head: list[Line], text: str, chapters: list[Chapter]) -> PlanInfo:
    """Title and date from the title block; period from the plan's own name."""
    block = " ".join(" ".join(line.text for line in head).split())
    title, date = _TITLE.search(block), _DATE.search(block)
    if not title or not date:
        raise CorpusFormatError(
            "Fichier de corpus invalide : titre « Plan d'action national de lutte "
            "contre la traite des êtres humains de <mois> <année> » introuvable."
        )
    month = _MONTHS.index(date[1].lower()) + 1
    # The plan names its period (« … êtres humains 2011-2013 »), e.g. in the text.
    period = re.search(
        title.re.pattern + r"\s+(\d{4})\s*-\s*(\d{4})", " ".join(text.split()), re.I
    )
    start, end = (int(period[1]), int(period[2])) if period else (2011, 2013)
    subtitle = _SUBTITLE.search(block)
    measures = sum(len(c.measures) for c in chapters)
    summary = (
        f"{title[0]} de {date[1].lower()} {date[2]}, pour la période {start}-{end} : "
        f"{measures} mesures réparties en {len(chapters)} chapitres."
    )
    if subtitle:
        summary += f" Avec les {subtitle[0][0].lower()}{subtitle[0][1:]}."
    return PlanInfo(
        title=title[0],
        adoption_date=f"{date[2]}-{month:02d}",
        period_start=start,
        period_end=end,
        summary=summary,
    )
