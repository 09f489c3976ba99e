"""French analysis shared by every search backend: one token stream for a text.

The catalog's lexicon element (``search/lexicon.py``) and a search server
without its own French analysis both call :func:`analyse_text`, so the same
words match whichever backend answers.
"""

from traite_portal.search.analysis.french import analyse_glob
from traite_portal.search.analysis.french import analyse_text
from traite_portal.search.analysis.french import analyse_word
from traite_portal.search.analysis.french import fold
from traite_portal.search.analysis.french import normalise_word
from traite_portal.search.analysis.french import split_words


__all__ = [
    "analyse_glob",
    "analyse_text",
    "analyse_word",
    "fold",
    "normalise_word",
    "split_words",
]
