"""Load the parsed corpus into a Plone site, idempotently.

Stable ids make a second import update in place: the plan ``plan-action-2010``,
``chapitre-N``, ``mesure-N``, the Collectif's proposals ``collectif-N`` and the
legal texts under their catalogue id. Items that users added are never touched.
"""

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from traite_portal.corpus.citations import find_citations
from traite_portal.corpus.citations import load_legal_texts
from traite_portal.corpus.content import publish
from traite_portal.corpus.content import richtext
from traite_portal.corpus.content import set_relations
from traite_portal.corpus.content import upsert
from traite_portal.corpus.content import WriteCounter
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.html import short_title
from traite_portal.corpus.library import ensure_libraries
from traite_portal.corpus.library import write_legal_texts
from traite_portal.corpus.model import ParsedCorpus
from traite_portal.corpus.parser import parse_file
from traite_portal.corpus.titles import chapter_title
from traite_portal.corpus.titles import measure_title
from traite_portal.corpus.tokens import instrument_tokens
from traite_portal.vocabularies.associations import association_token

import traite_portal


PLAN_ID = "plan-action-2010"
ANNEX_ID = "annexes"
PROPOSAL_PREFIX = "collectif-"
COLLECTIF = "Collectif « Ensemble contre la traite des êtres humains »"


@dataclass
class ImportReport:
    """What an import did; ``summary_line()`` for logs and the CLI."""

    counter: WriteCounter = field(default_factory=WriteCounter)
    measures: int = 0
    proposals: int = 0
    legal_texts: int = 0
    relations: int = 0

    def summary_line(self) -> str:
        c = self.counter
        return (
            f"{self.measures} mesures, {self.proposals} propositions, "
            f"{self.legal_texts} textes juridiques, {self.relations} relations "
            f"« cite » ; {c.created} créés, {c.updated} mis à jour, "
            f"{c.unchanged} inchangés, {c.deleted} supprimés"
        )


def default_corpus_path() -> Path:
    """The source document shipped with the project (``data/``)."""
    here = Path(traite_portal.__file__).resolve().parent
    return (
        here.parent.parent
        / "data"
        / "plan-action-traite-2010-propositions-collectif.txt"
    )


def _resolve(ids: list[str], texts: dict) -> list:
    """Catalogue ids to objects; an unknown id is a catalogue/pattern drift."""
    missing = [i for i in ids if i not in texts]
    if missing:
        raise CorpusFormatError(
            f"Citations vers des textes absents du catalogue : {', '.join(missing)}."
        )
    return [texts[i] for i in ids]


def proposal_title(index: int, container) -> str:
    """« Proposition 2 du Collectif sur la mesure 12 » (chapter, annexes)."""
    if container.portal_type == "Measure":
        where = f"la mesure {container.number}"
    elif container.portal_type == "Chapter":
        where = f"le chapitre {container.roman_number}"
    else:
        where = "les annexes"
    return f"Proposition {index} du Collectif sur {where}"


def _write_proposals(container, proposals, texts: dict, report: ImportReport) -> None:
    """The Collectif's proposals as ``collectif-N``, each responding to its
    container (measure, chapter or annex); stale ones are removed."""
    token = association_token(COLLECTIF)
    keep = set()
    for index, item in enumerate(proposals, start=1):
        proposal_id = f"{PROPOSAL_PREFIX}{index}"
        keep.add(proposal_id)
        obj = upsert(
            container,
            "Proposal",
            proposal_id,
            proposal_title(index, container),
            {
                "text": richtext(
                    f"{item.lead_in}\n\n{item.text}" if item.lead_in else item.text
                ),
                "associations": [token],
                "kind": item.kind,
                "target_paragraph": item.target,
            },
            report.counter,
            description=short_title(item.text),
        )
        set_relations(obj, "responds_to", [container])
        _cite(obj, item.text, texts, report)
        publish(obj)
        report.proposals += 1
    for stale in [
        k for k in container.keys() if k.startswith(PROPOSAL_PREFIX) and k not in keep
    ]:
        container.manage_delObjects([stale])
        report.counter.deleted += 1


def _cite(obj, text: str, texts: dict, report: ImportReport) -> None:
    targets = _resolve(find_citations(text), texts)
    set_relations(obj, "cites", targets)
    report.relations += len(targets)


def load_corpus(
    site, corpus: ParsedCorpus, progress=None, catalogue: list[dict] | None = None
) -> ImportReport:
    """Write a parsed corpus into the site; the caller owns the transaction.

    ``catalogue`` is the legal-text catalogue when the caller already loaded it.
    """
    report = ImportReport()
    if catalogue is None:
        catalogue = load_legal_texts()
    libraries = ensure_libraries(site, report.counter)
    texts = write_legal_texts(libraries, catalogue, report.counter, progress)
    report.legal_texts = len(texts)
    info = corpus.plan
    plan = upsert(
        site,
        "ActionPlan",
        PLAN_ID,
        info.title,
        {
            # The source gives the month only (« Juillet 2010 »): the first of the
            # month stands for it, and the description says « juillet 2010 ».
            "adoption_date": f"{info.adoption_date}-01"
            if len(info.adoption_date) == 7
            else info.adoption_date,
            "period_start": info.period_start,
            "period_end": info.period_end,
            "summary": richtext(info.summary),
        },
        report.counter,
        description="Adopté en juillet 2010, pour la période "
        f"{info.period_start}-{info.period_end}.",
    )
    for chapter in corpus.chapters:
        ch = upsert(
            plan,
            "Chapter",
            f"chapitre-{chapter.number}",
            chapter_title(chapter.number),
            {
                "source_title": chapter.title,
                "number": chapter.number,
                "roman_number": chapter.roman,
                "introduction": richtext(chapter.introduction),
                "findings": richtext(chapter.findings),
            },
            report.counter,
            description=f"Chapitre {chapter.roman}",
        )
        _cite(ch, chapter.introduction + "\n" + chapter.findings, texts, report)
        for measure in chapter.measures:
            m = upsert(
                ch,
                "Measure",
                f"mesure-{measure.number}",
                measure_title(measure.number),
                {
                    "source_title": measure.title,
                    "number": measure.number,
                    "responsible_bodies": measure.responsible,
                    "partners": measure.partners,
                    "instruments": instrument_tokens(measure.instruments),
                    "deadline_start": measure.deadline_start,
                    "deadline_end": measure.deadline_end,
                    "deadline_label": measure.deadline_label,
                    "official_text": richtext(measure.official_text),
                },
                report.counter,
                description=f"Mesure n° {measure.number}",
            )
            _cite(m, measure.title + "\n" + measure.official_text, texts, report)
            _write_proposals(m, measure.proposals, texts, report)
            report.measures += 1
            if progress is not None:
                progress.update(1)
        _write_proposals(ch, chapter.proposals, texts, report)
    annex = upsert(
        plan,
        "Annex",
        ANNEX_ID,
        "Annexes",
        {},
        report.counter,
        description="Textes juridiques annexés au plan d'action.",
    )
    set_relations(
        annex,
        "cites",
        [texts[i["id"]] for i in catalogue if i.get("annex") and i["id"] in texts],
    )
    _write_proposals(annex, corpus.annex_proposals, texts, report)
    return report


def import_corpus(site, path: Path, progress=None) -> ImportReport:
    """Parse the file (rejecting a bad one before any write), then load it."""
    corpus = parse_file(path)
    return load_corpus(site, corpus, progress)
