"""Each hand correction is needed: without it the parse goes wrong."""

from corpus_data import source_text
from traite_portal.corpus import corrections
from traite_portal.corpus.lines import split_lines
from traite_portal.corpus.parser import parse_corpus

import pytest


def parse_without(anchor: str, monkeypatch):
    kept = tuple(c for c in corrections.CORRECTIONS if c.anchor != anchor)
    assert len(kept) == len(corrections.CORRECTIONS) - 1
    monkeypatch.setattr(corrections, "CORRECTIONS", kept)
    return parse_corpus(source_text())


class TestCorrections:
    def test_table_is_small_and_documented(self):
        assert 0 < len(corrections.CORRECTIONS) <= 5
        for correction in corrections.CORRECTIONS:
            assert correction.reason
            assert correction.action in ("plan", "new-paragraph")

    @pytest.mark.parametrize(
        "correction", corrections.CORRECTIONS, ids=lambda c: c.anchor
    )
    def test_anchor_matches_exactly_one_line(self, correction):
        lines = split_lines(source_text())
        assert sum(line.text.startswith(correction.anchor) for line in lines) == 1

    def test_measure_13_plan_paragraph(self, monkeypatch):
        corpus = parse_without("Une telle mesure permet de garantir", monkeypatch)
        m13 = corpus.measures[12]
        assert "Une telle mesure" not in m13.official_text
        assert any("Une telle mesure" in p.text for p in m13.proposals)

    def test_measure_1_closing_paragraph(self, monkeypatch):
        corpus = parse_without(
            "Le secrétariat général de la mission devra", monkeypatch
        )
        last = corpus.measures[0].official_text.split("\n\n")[-1]
        assert last.startswith("- rédiger un rapport annuel public")
        assert "Le secrétariat général" in last
