"""What an imported document holds, as plain data (no Plone objects)."""

from dataclasses import dataclass
from dataclasses import field


@dataclass
class ItemData:
    """One item to create or update, with what belongs inside it."""

    portal_type: str
    title: str
    iri: str  # how other documents (and this one) refer to the item
    id: str | None = None  # None: made from the title
    state: str | None = None  # None: left in its workflow's initial state
    created: str | None = None
    values: dict = field(default_factory=dict)  # field name → Python value
    relations: dict = field(default_factory=dict)  # relationship → [href]
    parent_href: str | None = None  # a proposal: what it answers (its container)
    children: list = field(default_factory=list)

    def walk(self):
        """This item and every item inside it, parents first."""
        yield self
        for child in self.children:
            yield from child.walk()
