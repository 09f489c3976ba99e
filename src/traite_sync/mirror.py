"""One sync run's context: the portal, the mirror directory, its state."""

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from traite_sync.http import Http
from traite_sync.state import State

import tqdm


@dataclass
class Mirror:
    """What every step of a run needs."""

    http: Http
    root: Path
    site_url: str  # the site's URL as the portal names it
    scope_url: str  # the site's, or the folder's (--folder)
    types: tuple[str, ...]  # --type, empty for every type
    state: State
    workers: int = 4
    quiet: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        """Tally what the run did, for its summary line."""
        self.counts[what] = self.counts.get(what, 0) + n

    def progress(self, total: int | None, description: str) -> tqdm.tqdm:
        """A progress bar on stderr; none with --quiet or without a terminal."""
        return tqdm.tqdm(
            total=total,
            desc=description,
            unit=" élément",
            disable=True if self.quiet else None,
            dynamic_ncols=True,
            leave=False,
        )
