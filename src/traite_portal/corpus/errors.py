"""Errors raised when the corpus file cannot be parsed as a complete plan."""


class CorpusFormatError(ValueError):
    """The file is not a complete, well-formed plan; the message is in French."""


class UnknownBodyError(CorpusFormatError):
    """A responsible/partner field contains text matching no known body."""

    def __init__(self, value: str, remainder: str) -> None:
        self.value = value
        self.remainder = remainder
        super().__init__(
            f"Organisme inconnu : « {remainder} » (dans « {value} »). "
            "Ajoutez-le à la liste contrôlée traite_portal.corpus.bodies."
        )
