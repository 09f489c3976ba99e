"""Map the plan's spellings to vocabulary tokens."""

from traite_portal.corpus.citations import normalise
from traite_portal.corpus.errors import CorpusFormatError


# Spellings of the source (singular and plural) -> instrument token.
_INSTRUMENTS = {
    "decret": "decret",
    "decrets": "decret",
    "projet de loi": "projet-de-loi",
    "projets de loi": "projet-de-loi",
    "circulaire ministerielle": "circulaire-ministerielle",
    "circulaires ministerielles": "circulaire-ministerielle",
    "conventions nationales et locales": "conventions-nationales-et-locales",
    "loi": "loi",
    "arrete": "arrete",
}


def instrument_tokens(labels: list[str]) -> list[str]:
    """Instrument tokens for the labels of a measure header, in order."""
    tokens = []
    for label in labels:
        token = _INSTRUMENTS.get(normalise(label))
        if token is None:
            raise CorpusFormatError(f"Instrument inconnu : « {label} ».")
        if token not in tokens:
            tokens.append(token)
    return tokens
