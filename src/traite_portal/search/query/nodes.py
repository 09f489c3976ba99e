"""The parsed query, independent of any backend.

Words and phrases keep the user's spelling; each backend analyses them (the
catalog through its lexicon, a search server through its analyser or through
:func:`traite_portal.search.analysis.analyse_text`).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """One word as typed; ``glob`` when it ends with ``*`` or holds ``?``."""

    text: str
    glob: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must follow each other (quotes, or « L.511-4 »)."""

    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class AnyOf:
    """At least one option matches (OR, or a synonym group)."""

    options: tuple


@dataclass(frozen=True)
class AllOf:
    """Every required node matches and no excluded one does."""

    required: tuple
    excluded: tuple = ()


def positive_leaves(node) -> list:
    """Words and phrases that a match may contain (excluded ones left out)."""
    if isinstance(node, (Word, Phrase)):
        return [node]
    if isinstance(node, AnyOf):
        return [leaf for option in node.options for leaf in positive_leaves(option)]
    return [leaf for child in node.required for leaf in positive_leaves(child)]


def describe(node) -> str:
    """The query as the parser understood it, in its own syntax."""
    if isinstance(node, Word):
        return node.text
    if isinstance(node, Phrase):
        return f'"{node.text}"'
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(describe(o) for o in node.options) + ")"
    parts = [describe(r) for r in node.required]
    parts += [f"-{describe(e)}" for e in node.excluded]
    return " ".join(parts)
