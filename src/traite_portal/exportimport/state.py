"""An object's stored attributes as JSON data, and back onto an object.

Used for what collective.exportimport leaves out of an item (its attributes
outside the schema) and for the data of each version. Children, annotations,
the UID and the history id are carried by their own steps; interfaces the
object provides directly (CMFEditions' ``IVersioned``…) are kept by name.
"""

from Acquisition import aq_base
from persistent import Persistent
from plone.app.uuid.utils import uuidToObject
from traite_portal.exportimport.errors import ExportFormatError
from traite_portal.exportimport.typed import decode
from traite_portal.exportimport.typed import encode
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.dottedname.resolve import resolve
from zope.interface import alsoProvides
from zope.interface import directlyProvidedBy
from zope.interface import noLongerProvides
from zope.intid.interfaces import IIntIds


# Attributes carried by other steps, or rebuilt by the container itself.
SEPARATE = frozenset(
    {
        "_tree",  # a folder's children (content step)
        "_mt_index",
        "_count",
        "_objects",
        "__parent__",
        "__annotations__",  # annotations step
        "_plone.uuid",  # content step
        "cmf_uid",  # versions step (history ids)
        "__provides__",  # below, by interface name
        "__ac_local_roles__",  # local roles step
        "__ac_local_roles_block__",
    }
)
PROVIDES = "traite_portal.provides"


def loaded(obj):
    """``obj`` without acquisition wrapper, its state loaded (not a ghost)."""
    base = aq_base(obj)
    if isinstance(base, Persistent):
        base._p_activate()
    return base


def relation_uid(value) -> str | None:
    """The UID of a relation's target."""
    target = value.to_object
    return getattr(aq_base(target), "_plone.uuid", None) if target else None


def relation_to(uid: str) -> RelationValue:
    """A new relation to the item of UID ``uid`` in this site."""
    target = uuidToObject(uid, unrestricted=True)
    if target is None:
        raise ExportFormatError(f"relation vers un contenu absent de l'export : {uid}")
    return RelationValue(getUtility(IIntIds).getId(target))


def _kept(name: str, separate, skip) -> bool:
    return name not in separate and name not in skip and not name.startswith("_v_")


def object_state(obj, skip=frozenset(), separate=SEPARATE) -> dict:
    """Every stored attribute of ``obj`` (but ``separate`` and ``skip``), encoded."""
    base = loaded(obj)
    state = {
        name: encode(value, relation_uid)
        for name, value in sorted(vars(base).items())
        if _kept(name, separate, skip)
    }
    state[PROVIDES] = sorted(i.__identifier__ for i in directlyProvidedBy(base))
    return state


def apply_state(obj, state: dict, skip=frozenset(), separate=SEPARATE) -> None:
    """Make ``obj``'s attributes (but ``separate`` and ``skip``) be ``state``."""
    base = loaded(obj)
    values = {
        name: decode(data, relation_to)
        for name, data in state.items()
        if name != PROVIDES
    }
    for name in list(vars(base)):
        if _kept(name, separate, skip) and name not in values:
            delattr(base, name)
    for name, value in values.items():
        setattr(base, name, value)
        _bind_relations(base, name, value)
    wanted = {resolve(name) for name in state.get(PROVIDES, ())}
    for interface in set(directlyProvidedBy(base)) - wanted:
        noLongerProvides(base, interface)
    for interface in wanted:
        alsoProvides(base, interface)


def _bind_relations(base, name: str, value) -> None:
    """Relations know their source and field, as the relation catalog sets them."""
    for item in value if isinstance(value, list | tuple) else (value,):
        if isinstance(item, RelationValue):
            item.__parent__ = base
            item.from_attribute = name
