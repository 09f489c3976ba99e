"""Readable titles: the table covers the source (the site side is in tests/ui)."""

from corpus_data import SOURCE
from difflib import SequenceMatcher
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.parser import parse_corpus
from traite_portal.corpus.parser import parse_file
from traite_portal.corpus.titles import CHAPTER_TITLES
from traite_portal.corpus.titles import MEASURE_TITLES

import pytest
import unicodedata


PARSED = parse_file(SOURCE)


def _fold(text: str) -> str:
    """Letters only, without accents or case: the words must stay the same."""
    text = text.replace("œ", "oe").replace("Œ", "OE")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


class TestTable:
    def test_every_chapter_and_measure_has_a_title(self):
        assert set(CHAPTER_TITLES) == {c.number for c in PARSED.chapters}
        assert set(MEASURE_TITLES) == {m.number for m in PARSED.measures}

    @pytest.mark.parametrize(
        ("source", "readable"),
        list(CHAPTER_TITLES.values()) + list(MEASURE_TITLES.values()),
    )
    def test_sentence_case_same_words(self, source, readable):
        assert readable[0].isupper()
        assert readable[1:] != readable[1:].upper()
        # Case and accents only, bar a few spelling fixes (« AGREE » → « agréée »,
        # « Art. » → « article »): the words stay those of the plan.
        ratio = SequenceMatcher(None, _fold(readable), _fold(source)).ratio()
        assert ratio > 0.95

    def test_changed_source_title_is_rejected(self):
        text = SOURCE.read_text(encoding="utf-8")
        text = text.replace("REPRIMER LES AUTEURS", "PUNIR LES AUTEURS", 1)
        with pytest.raises(CorpusFormatError, match="chapitre n° 5"):
            parse_corpus(text)
