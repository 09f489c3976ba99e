"""A banner on repealed legal texts: readable, but no longer in force."""

from plone.app.layout.viewlets import ViewletBase
from traite_portal.workflows.repeal import repeal_date


class RepealedViewlet(ViewletBase):
    """Shown above the title of a repealed text, to everyone who may read it."""

    def update(self) -> None:
        super().update()
        repealed = repeal_date(self.context)
        self.date = repealed.strftime("%d/%m/%Y") if repealed else None

    def render(self) -> str:
        return self.index() if self.date else ""
