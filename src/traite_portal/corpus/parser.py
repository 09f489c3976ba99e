"""Parse the plan + Collectif text into the intermediate format (model.py).

Pipeline: lines -> headings (structure) -> validation -> per zone: footnotes cut,
plan/Collectif separation (segments), paragraphs, measure header, proposals.
"""

from pathlib import Path
from traite_portal.corpus.corrections import check_corrections
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.footnotes import extract_footnotes
from traite_portal.corpus.footnotes import strip_marker
from traite_portal.corpus.headers import parse_header
from traite_portal.corpus.lines import Line
from traite_portal.corpus.lines import split_lines
from traite_portal.corpus.model import Chapter
from traite_portal.corpus.model import Measure
from traite_portal.corpus.model import ParsedCorpus
from traite_portal.corpus.model import ProposalItem
from traite_portal.corpus.paragraphs import assemble
from traite_portal.corpus.paragraphs import restore_bullets
from traite_portal.corpus.plan_info import plan_info
from traite_portal.corpus.proposals import annex_items
from traite_portal.corpus.proposals import build
from traite_portal.corpus.segments import separate
from traite_portal.corpus.structure import ChapterBlock
from traite_portal.corpus.structure import cut
from traite_portal.corpus.structure import FINDINGS
from traite_portal.corpus.structure import MeasureBlock
from traite_portal.corpus.titles import check_titles
from traite_portal.corpus.validate import check_structure

import hashlib


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _zone(
    lines: list[Line],
) -> tuple[list[str], list[ProposalItem], list[ProposalItem]]:
    """(plan paragraphs, own proposals, chapter proposals) of a chapter zone."""
    plan, collectif = separate(lines)
    paragraphs = [p.text for p in assemble(plan)]
    own, chapter = build(assemble(collectif), paragraphs)
    return paragraphs, own, chapter


def _measure(
    block: MeasureBlock, lines: list[Line]
) -> tuple[Measure, list[ProposalItem]]:
    """A measure and the chapter-level proposals found in its zone."""
    plan, collectif = separate(lines)
    paragraphs = assemble(plan)
    # The header fields are the leading plan paragraphs of the measure.
    count = next((i for i, p in enumerate(paragraphs) if not p.header), len(paragraphs))
    if any(p.header for p in paragraphs[count:]):
        raise CorpusFormatError(
            "Fichier de corpus invalide : champ d'en-tête après le texte de la "
            f"mesure n° {block.number}."
        )
    header = parse_header([p.text for p in paragraphs[:count]], block.number)
    body = restore_bullets([p.text for p in paragraphs[count:]])
    own, chapter = build(assemble(collectif), body)
    measure = Measure(
        number=block.number,
        title=block.title,
        responsible=header.responsible,
        partners=header.partners,
        instruments=header.instruments,
        deadline_label=header.deadline_label,
        deadline_start=header.deadline_start,
        deadline_end=header.deadline_end,
        official_text=_text(body),
        proposals=own,
        missing_fields=header.missing,
    )
    return measure, chapter


def _split_findings(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Lines before and after « CONSTAT »; without it the text is the findings."""
    for index, line in enumerate(lines):
        if FINDINGS.match(line.text):
            return lines[:index], lines[index + 1 :]
    return [], lines


def _chapter(number: int, block: ChapterBlock) -> Chapter:
    lines, notes = extract_footnotes(block.lines)
    intro_lines, findings_lines = _split_findings(lines)
    intro, proposals, chapter_level = _zone(intro_lines)
    findings, more, more_chapter = _zone(findings_lines)
    proposals += more + chapter_level + more_chapter
    measures = []
    for measure_block in block.measures:
        measure_lines, measure_notes = extract_footnotes(measure_block.lines)
        notes.update(measure_notes)
        measure, chapter_items = _measure(measure_block, measure_lines)
        measures.append(measure)
        proposals += chapter_items
    texts = [_text(intro), _text(findings)]
    for note in sorted(notes):
        for index, text in enumerate(texts):
            texts[index], found = strip_marker(text, note)
            if found:
                break
    return Chapter(
        number=number,
        roman=block.roman,
        title=block.title,
        introduction=texts[0],
        findings=texts[1],
        measures=measures,
        proposals=proposals,
        footnotes=[notes[n] for n in sorted(notes)],
    )


def parse_corpus(text: str) -> ParsedCorpus:
    """Parse the whole document; raise CorpusFormatError unless it is complete."""
    if not text or not text.strip():
        raise CorpusFormatError("Fichier de corpus invalide : le fichier est vide.")
    lines = split_lines(text)
    blocks = cut(lines)
    check_structure(blocks)
    check_corrections(lines)
    chapters = [_chapter(n, block) for n, block in enumerate(blocks.chapters, 1)]
    for chapter in chapters:
        if not chapter.findings:
            raise CorpusFormatError(
                "Fichier de corpus invalide : le chapitre "
                f"{chapter.roman} n'a pas de constat."
            )
    check_titles(chapters)
    annex = " ".join(line.text for line in blocks.annex if line.text)
    return ParsedCorpus(
        plan=plan_info(blocks.head, text, chapters),
        chapters=chapters,
        annex_proposals=annex_items(annex),
        source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def parse_file(path: str | Path) -> ParsedCorpus:
    """Read a UTF-8 file and parse it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise CorpusFormatError(
            f"Fichier de corpus invalide : {path} n'est pas encodé en UTF-8."
        ) from error
    except OSError as error:
        raise CorpusFormatError(
            f"Fichier de corpus illisible : {path} ({error.strerror})."
        ) from error
    return parse_corpus(text)
