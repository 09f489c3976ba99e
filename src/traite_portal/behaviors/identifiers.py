"""Legal identifiers shared by several legal-text types (NOR, ELI)."""

from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from traite_portal import _
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class INor(model.Schema):
    """The NOR number of a French official text."""

    nor = schema.ASCIILine(
        title=_("label_nor", default="Numéro NOR"),
        description=_("help_nor", default="Exemple : JUSD1306583C."),
        required=False,
        constraint=lambda value: not value or (len(value) == 12 and value.isalnum()),
    )


@provider(IFormFieldProvider)
class IEli(model.Schema):
    """The European Legislation Identifier of a text."""

    eli = schema.URI(
        title=_("label_eli", default="Identifiant ELI"),
        description=_(
            "help_eli", default="Exemple : http://data.europa.eu/eli/dir/2011/36/oj."
        ),
        required=False,
    )
