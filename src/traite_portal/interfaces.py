"""Browser layer and marker interfaces of the portal."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker interface that defines a browser layer."""


class ITraiteContent(Interface):
    """Any content item of the portal's own types."""


class IActionPlan(ITraiteContent):
    """A national action plan."""


class IChapter(ITraiteContent):
    """A chapter of an action plan."""


class IMeasure(ITraiteContent):
    """A measure of an action plan."""


class IProposal(ITraiteContent):
    """A proposal or remark of an association."""


class IAnnex(ITraiteContent):
    """The annexes of an action plan."""


class ITextLibrary(ITraiteContent):
    """An unordered container of legal texts."""


class ILegalText(ITraiteContent):
    """Any legal text: the target of citations."""


class IConvention(ILegalText):
    """An international convention or protocol."""


class IEuropeanText(ILegalText):
    """A European Union act (directive, framework decision...)."""


class INationalText(ILegalText):
    """A French law, decree, ordinance or code article."""


class ICircular(ILegalText):
    """A ministerial circular."""


class ICourtRuling(ILegalText):
    """A ruling of the European Court of Human Rights."""


class IGretaRecommendation(ILegalText):
    """A recommendation of GRETA (Council of Europe experts)."""
