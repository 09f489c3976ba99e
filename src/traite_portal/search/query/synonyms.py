"""Widen a query with synonyms, acronyms and common names.

Lines are written as coordinators edit them: ``a, b, c`` (all equivalent) or
``a, b => c`` (a or b also finds c). An expression matches the query when
their French analyses are equal (so « ONG » and « ong », « Convention de
Varsovie » and « convention varsovie » match alike).
"""

from dataclasses import dataclass
from functools import lru_cache
from traite_portal.search.analysis import analyse_text
from traite_portal.search.analysis import analyse_word
from traite_portal.search.analysis import split_words
from traite_portal.search.query.nodes import AllOf
from traite_portal.search.query.nodes import AnyOf
from traite_portal.search.query.nodes import Phrase
from traite_portal.search.query.nodes import Word


class SynonymLineError(ValueError):
    """A line of the synonym list that cannot be read."""


@dataclass(frozen=True)
class Rule:
    """Query expressions (analysed) and what each of them also finds."""

    sources: tuple[tuple[str, ...], ...]
    targets: tuple[str, ...]


def parse_line(line: str) -> Rule | None:
    """One line of the list; None for a blank line or a comment (« # »)."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    left, arrow, right = line.partition("=>")
    sources = [s.strip() for s in left.split(",") if s.strip()]
    targets = [t.strip() for t in right.split(",") if t.strip()] if arrow else sources
    if not sources or not targets or (not arrow and len(sources) < 2):
        raise SynonymLineError(line)
    analysed = tuple(tuple(analyse_text(s)) for s in sources)
    if not all(analysed):
        raise SynonymLineError(line)
    return Rule(analysed, tuple(targets))


@lru_cache(maxsize=8)
def compile_rules(lines: tuple[str, ...]) -> dict[str, list]:
    """{first token: [(tokens, targets)…]}, longest expressions first."""
    index = {}
    for line in lines:
        try:
            rule = parse_line(line)
        except SynonymLineError:
            continue  # the control panel refuses such lines; skip old ones
        if rule is None:
            continue
        for tokens in rule.sources:
            index.setdefault(tokens[0], []).append((tokens, rule.targets))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def _alternative(text: str):
    words = tuple(split_words(text))
    return Word(words[0]) if len(words) == 1 else Phrase(words)


def _widen(original, tokens, rules, expansions):
    for expression, targets in rules.get(tokens[0], ()):
        if expression == tokens:
            options = [original]
            for target in targets:
                if tuple(analyse_text(target)) != tokens:
                    options.append(_alternative(target))
            if len(options) > 1:
                expansions.append((original, tuple(options[1:])))
                return AnyOf(tuple(options))
    return original


def _node_tokens(node) -> list[str] | None:
    """The analysed tokens of a word or phrase; None for anything else."""
    if isinstance(node, Word) and not node.glob:
        token = analyse_word(node.text)
        return [token] if token else []
    if isinstance(node, Phrase):
        return analyse_text(node.text)
    return None


def _match(nodes, start, rules):
    """(number of nodes, tokens) of the longest expression starting at ``start``."""
    run = []
    for node in nodes[start:]:
        tokens = _node_tokens(node)
        if tokens is None:
            break
        run.append(tokens)
    if not run or not run[0]:
        return None
    for expression, _targets in rules.get(run[0][0], ()):
        tokens = []
        for size, node_tokens in enumerate(run, start=1):
            tokens.extend(node_tokens)
            if tuple(tokens) == expression:
                return size, expression
            if len(tokens) >= len(expression):
                break
    return None


def _expand_sequence(nodes, rules, expansions) -> list:
    result, i = [], 0
    while i < len(nodes):
        matched = _match(nodes, i, rules)
        if matched:
            size, tokens = matched
            span = nodes[i : i + size]
            original = span[0] if size == 1 else AllOf(tuple(span))
            result.append(_widen(original, tokens, rules, expansions))
            i += size
            continue
        node = nodes[i]
        if not isinstance(node, (Word, Phrase)):
            node = expand_node(node, rules, expansions)
        result.append(node)
        i += 1
    return result


def expand_node(node, rules: dict, expansions: list):
    """The node with every synonym group widened; ``expansions`` collects them."""
    if isinstance(node, (Word, Phrase)):
        return _expand_sequence([node], rules, expansions)[0]
    if isinstance(node, AnyOf):
        return AnyOf(tuple(expand_node(o, rules, expansions) for o in node.options))
    required = tuple(_expand_sequence(list(node.required), rules, expansions))
    if len(required) == 1 and not node.excluded:
        return required[0]
    return AllOf(required, node.excluded)


def expand_query(node, lines) -> tuple:
    """(widened tree, [(what the user typed, alternatives)…])."""
    expansions = []
    return expand_node(node, compile_rules(tuple(lines)), expansions), expansions
