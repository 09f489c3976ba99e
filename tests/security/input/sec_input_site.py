"""A functional site for the bad-input tests: real users, one item of each kind.

Every request goes over HTTP to the layer's WSGI server. ``written`` tells
whether the ZODB committed anything since a mark (nothing written = no new
transaction).
"""

from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ministry_editors_group_id
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from zope.schema import getFields
from zope.schema.interfaces import IInt

import lxml.html
import requests
import transaction


ROOT = Path(__file__).resolve().parents[3]
# The portal's types, as the profile declares them (one FTI file each).
# The portal's own content types, read from the profile (the site root's FTI,
# Plone_Site.xml, is also there: only its default view is ours).
TYPE_NAMES = sorted(
    p.stem
    for p in (ROOT / "profiles/default/types").glob("*.xml")
    if 'name="klass">traite_portal.' in p.read_text(encoding="utf-8")
)
PASSWORD = "secret-Pass-2026"
JUSTICE = "min-justice"

# user id -> the group it joins
USERS = {
    "editrice": ministry_editors_group_id(JUSTICE),
    "coord": COORDINATORS,
    "auteur": None,  # the first association's group, known once the registry is
}


@dataclass
class InputSite:
    """The portal, its items and the database they live in."""

    portal: object
    measure: object
    proposal: object
    circular: object
    items: dict = dataclass_field(default_factory=dict)

    @property
    def db(self):
        return self.portal._p_jar.db()

    def mark(self) -> bytes:
        """The id of the last committed transaction."""
        return self.db.lastTransaction()

    def written_since(self, mark: bytes) -> list[str]:
        return written_since(self.db, mark)


def written_since(db, mark: bytes) -> list[str]:
    """What committed after ``mark``: one line per transaction (its path, the
    classes it wrote), empty when nothing was written."""
    lines = []
    if db.lastTransaction() == mark:
        return lines
    connection = db.open()
    try:
        for record in db.storage.iterator(start=mark):
            if record.tid == mark:
                continue
            classes = sorted({type(connection.get(r.oid)).__name__ for r in record})
            lines.append(f"{record.description.decode()}: {', '.join(classes)}")
    finally:
        connection.close()
    return lines


def session_for(username: str | None) -> requests.Session:
    """A JSON session as ``username`` (``None``: anonymous; "admin": site owner)."""
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    if username == "admin":
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    elif username:
        session.auth = (username, PASSWORD)
    return session


def build_input_site(portal) -> InputSite:
    """Users in their groups, a measure, a proposal, a circular."""
    token = association_token(api.portal.get_registry_record(REGISTRY_RECORD)[0])
    groups = {**USERS, "auteur": association_group_id(token)}
    with api.env.adopt_roles(["Manager"]):
        for username, group in groups.items():
            api.user.create(
                email=f"{username}@example.org", username=username, password=PASSWORD
            )
            api.group.add_user(groupname=group, username=username)
        plan = api.content.create(portal, "ActionPlan", id="plan", title="Plan")
        chapter = api.content.create(
            plan, "Chapter", id="ch", title="Chapitre", number=1, roman_number="I"
        )
        measure = api.content.create(
            chapter,
            "Measure",
            id="m",
            title="Mesure",
            number=1,
            responsible_bodies=[JUSTICE],
        )
    with api.env.adopt_user(username="auteur"):
        proposal = api.content.create(
            measure,
            "Proposal",
            id="proposition",
            title="Protéger les mineurs isolés",
            associations=[token],
        )
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="textes", title="Textes")
        circular = api.content.create(
            library, "Circular", id="circulaire", title="Circulaire", ministry=JUSTICE
        )
    transaction.commit()
    return InputSite(
        portal=portal, measure=measure, proposal=proposal, circular=circular
    )


@contextmanager
def class_layer(layer):
    """The functional layer set up once for a whole test class.

    zope.pytestlayer runs the layer's per-test set-up only for function
    fixtures: this runs it once for the class (as pytest-plone's
    ``portal_class`` does), which keeps the table tests fast. The class's
    tests must write nothing, or only to items no other test of it reads.
    """
    layer.testSetUp()
    try:
        yield layer["portal"]
    finally:
        layer.testTearDown()


def portal_types() -> list[str]:
    """The portal's own content types (their FTI's class is ours)."""
    return sorted(
        fti.getId()
        for fti in api.portal.get_tool("portal_types").objectValues()
        if getattr(fti, "klass", "").startswith("traite_portal.")
    )


def fill_required_fields(item) -> None:
    """Give every empty required field of the item a valid value (so that its
    Classic edit form can be saved)."""
    for schema in iterSchemataForType(item.portal_type):
        for field in getFields(schema).values():
            bound = field.bind(item)
            if not field.required or field.readonly or bound.get(schema(item)):
                continue
            if IRichText.providedBy(field):
                value = RichTextValue("<p>Texte</p>", "text/html", "text/x-html-safe")
            elif IInt.providedBy(field):
                value = 1
            else:
                value = "Valeur"
            bound.validate(value)
            bound.set(schema(item), value)


def one_item_per_type(portal) -> dict[str, object]:
    """An item of each of the portal's types, each in a container that allows it.

    Walks the types' own containment rules from the site root (as Manager).
    """
    types_tool = api.portal.get_tool("portal_types")
    wanted = set(portal_types())
    items, containers = {}, [portal]
    with api.env.adopt_roles(["Manager"]):
        while containers and wanted - set(items):
            container = containers.pop(0)
            for type_name in sorted(wanted - set(items)):
                fti = types_tool[type_name]
                parent = types_tool.getTypeInfo(container)
                allowed = (
                    fti.global_allow
                    if parent is None
                    else parent.allowType(type_name)
                    and fti.isConstructionAllowed(container)
                )
                if not allowed:
                    continue
                item = api.content.create(
                    container,
                    type_name,
                    id=f"item-{type_name.lower()}",
                    title=type_name,
                )
                fill_required_fields(item)
                items[type_name] = item
                containers.append(item)
    assert set(items) == wanted, wanted - set(items)
    return items


def edit_form_data(html: str, form_id: str = "form", **changes: str) -> dict:
    """What a browser submits from the page's form ``form_id`` with ``changes``
    (hidden fields and the CSRF ``_authenticator`` included)."""
    forms = lxml.html.fromstring(html).forms
    form = next(f for f in forms if f.get("id") == form_id)
    return {**dict(form.form_values()), **changes}
