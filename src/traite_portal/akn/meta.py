"""The ``<meta>`` block: FRBR identification, TLC references, proprietary data."""

from Products.CMFCore.utils import getToolByName
from traite_portal.akn import iri
from traite_portal.akn.fields import field_element
from traite_portal.akn.fields import proprietary_fields
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.akn.kinds import IDENTIFIERS
from traite_portal.akn.namespaces import A
from traite_portal.akn.namespaces import T


PORTAL_EID = "portal"
PORTAL_NAME = "Portail traite des êtres humains"
MEDIA_TYPE = "application/akn+xml"


class Collector:
    """What a document refers to, gathered while its body is built."""

    def __init__(self) -> None:
        self.tlcs: dict[str, object] = {}
        self.references: dict[str, str] = {}  # href → eId of its TLCReference
        self.items: list = []
        self.organization(
            PORTAL_EID, "/ontology/organization/traite-portal", PORTAL_NAME
        )

    def organization(self, eid: str, href: str, show_as: str) -> str:
        """A TLCOrganization (once); its eId."""
        if eid not in self.tlcs:
            self.tlcs[eid] = A.TLCOrganization(eId=eid, href=href, showAs=show_as)
        return eid

    def reference(self, href: str, show_as: str, name: str) -> str:
        """A TLCReference to another document (once per href); its eId."""
        if href not in self.references:
            eid = f"ref_{len(self.references) + 1}"
            self.references[href] = eid
            self.tlcs[eid] = A.TLCReference(
                eId=eid, href=href, showAs=show_as, name=name
            )
        return self.references[href]

    def item(self, obj, href: str = "") -> None:
        """The portal's record of an item: id, state, creation, fields."""
        attributes = {
            "id": obj.getId(),
            "created": obj.created().ISO8601(),
        }
        # The workflow tool itself: plone.api's checks of its arguments cost
        # more than the lookup (a few % of a first sync).
        state = getToolByName(obj, "portal_workflow").getInfoFor(
            obj, "review_state", None
        )
        if state:
            attributes["state"] = state
        if href:
            attributes["href"] = href
        element = T.item(**attributes)
        for name, field in proprietary_fields(obj.portal_type):
            element.append(field_element(name, field, iri.own(obj, name)))
        self.items.append(element)


def _frbr(level, this: str, uri: str, day: str, date_name: str, last):
    """An expression or manifestation: this, uri, date, author, then ``last``."""
    return level(
        A.FRBRthis(value=this),
        A.FRBRuri(value=uri),
        A.FRBRdate(date=day, name=date_name),
        A.FRBRauthor(href=f"#{PORTAL_EID}"),
        last,
    )


def identification(obj, identity: iri.Identity):
    """FRBR work, expression and manifestation, with ELI/CELEX/ECLI/NOR aliases."""
    holder = iri.plan_of(obj) if identity.suffix != "!main" else obj
    holder = holder if holder is not None else obj
    kind = DOCUMENTS[holder.portal_type]
    aliases = [
        A.FRBRalias(value=str(value), name=label)
        for name, label in IDENTIFIERS.items()
        if (value := iri.own(obj, name))
    ]
    work = A.FRBRWork(
        A.FRBRthis(value=identity.work_this),
        A.FRBRuri(value=identity.work),
        *aliases,
        A.FRBRdate(date=iri.work_date(holder), name=kind.date_name),
        A.FRBRauthor(href=f"#{PORTAL_EID}"),
        A.FRBRcountry(value=iri.country(holder)),
        A.FRBRsubtype(value=iri.subtype(holder)),
        A.FRBRnumber(value=iri.number(holder)),
    )
    modified = obj.modified().asdatetime().date().isoformat()
    expression = _frbr(
        A.FRBRExpression,
        identity.expression_this,
        identity.expression,
        modified,
        "modified",
        A.FRBRlanguage(language=iri.LANGUAGE),
    )
    manifestation = _frbr(
        A.FRBRManifestation,
        identity.manifestation_this,
        identity.manifestation,
        # The state exported, not the day of the export: the same item gives
        # the same bytes every day (sync mirrors compare them).
        modified,
        "generation",
        A.FRBRformat(value=MEDIA_TYPE),
    )
    return A.identification(work, expression, manifestation, source=f"#{PORTAL_EID}")


def meta(obj, identity: iri.Identity, collector: Collector):
    """The complete ``<meta>`` of the document exported for ``obj``."""
    element = A.meta(identification(obj, identity))
    element.append(A.references(*collector.tlcs.values(), source=f"#{PORTAL_EID}"))
    if collector.items:
        element.append(A.proprietary(*collector.items, source=f"#{PORTAL_EID}"))
    return element
