"""The relevance set (queries.yaml): load it, add its fixtures, run it, report."""

from dataclasses import dataclass
from pathlib import Path
from plone import api
from traite_portal.search.params import read_params
from traite_portal.search.pipeline import legal_search

import yaml


SET_PATH = Path(__file__).with_name("queries.yaml")
DEPTH = 10


def load_set() -> dict:
    return yaml.safe_load(SET_PATH.read_text(encoding="utf-8"))


def create_fixtures(portal, data: dict) -> None:
    """The set's own test items, published, as Manager."""
    with api.env.adopt_roles(["Manager"]):
        for fixture in data.get("fixtures", []):
            container = portal.unrestrictedTraverse(fixture["container"])
            obj = api.content.create(
                container,
                fixture["type"],
                id=fixture["id"],
                title=fixture["title"],
                **fixture.get("fields", {}),
            )
            api.content.transition(obj=obj, to_state="published")


@dataclass
class Outcome:
    """How one query of the set fared."""

    entry: dict
    paths: list
    ranks: list
    jump: str | None

    @property
    def passed(self) -> bool:
        within = self.entry.get("within", 3)
        ranked = all(rank is not None and rank <= within for rank in self.ranks)
        return ranked and self.jump == self.entry.get("jump", self.jump)


def relative(portal, path: str) -> str:
    return path.removeprefix("/".join(portal.getPhysicalPath()) + "/")


def run_entry(portal, entry: dict) -> Outcome:
    answer = legal_search(read_params({"q": entry["q"], "b_size": DEPTH}))
    paths = [relative(portal, item.brain.getPath()) for item in answer.items]
    ranks = [paths.index(p) + 1 if p in paths else None for p in entry["expect"]]
    jump = relative(portal, answer.jump.getPath()) if answer.jump else None
    return Outcome(entry, paths, ranks, jump)


def report(outcomes: list[Outcome]) -> str:
    """One line a query, failures first, and the pass rate."""
    lines = []
    for outcome in sorted(outcomes, key=lambda o: o.passed):
        mark = "ok  " if outcome.passed else "FAIL"
        ranks = ",".join(str(r or "-") for r in outcome.ranks)
        cut = outcome.entry.get("within", 3)
        lines.append(f"{mark} rank {ranks:>5} (≤{cut})  {outcome.entry['q']}")
        if not outcome.passed:
            lines.append(f"      top: {outcome.paths[:3]}  jump: {outcome.jump}")
    passed = sum(o.passed for o in outcomes)
    lines.append(
        f"{passed}/{len(outcomes)} requêtes réussies ({passed / len(outcomes):.0%})"
    )
    return "\n".join(lines)
