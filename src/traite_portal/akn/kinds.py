"""Which Akoma Ntoso document each portal type becomes: one table.

docs/akoma-ntoso.md shows this table; the tests export one item of every
type and check its document element against it.
"""

from typing import NamedTuple


class Kind(NamedTuple):
    """How one portal type is written as a document."""

    element: str  # the AKN document element; its @name is the portal type
    country: str  # FRBRcountry ("" for conventions: from their organisation)
    subtype: str  # FRBRsubtype (the text kind's slug when it has one)
    date_field: str  # the field dating the work ("" : the creation date)
    date_name: str  # the FRBRdate's @name for that date
    main_text: str  # the rich-text field holding the document's text


DOCUMENTS = {
    "ActionPlan": Kind("doc", "fr", "plan-action", "adoption_date", "adoption", ""),
    "Annex": Kind("doc", "fr", "annexe", "", "creation", "text"),
    "Proposal": Kind("amendment", "fr", "proposition", "", "creation", "text"),
    "TextLibrary": Kind("documentCollection", "fr", "bibliotheque", "", "creation", ""),
    "Convention": Kind("act", "", "convention", "adoption_date", "adoption", "text"),
    "EuropeanText": Kind("act", "eu", "acte", "document_date", "document", "text"),
    "NationalText": Kind("act", "fr", "texte", "jo_date", "publication", "text"),
    "Circular": Kind("act", "fr", "circulaire", "signature_date", "signature", "text"),
    "CourtRuling": Kind(
        "judgment", "coe", "cedh", "judgment_date", "judgment", "summary"
    ),
    "GretaRecommendation": Kind(
        "statement", "coe", "greta", "report_year", "report", "text"
    ),
}

# Parts of a plan: hierarchical elements of the plan's document (a
# ``portion`` of it when exported alone), their eIds made from their number.
PARTS = {"Chapter": "chapter", "Measure": "hcontainer"}
MEASURE_NAME = "measure"

# Identifier fields written as FRBRalias of the work (and read back from it).
IDENTIFIERS = {"eli": "ELI", "celex": "CELEX", "ecli": "ECLI", "nor": "NOR"}

# Relations written as <ref>s (and TLCReference entries), with their label.
RELATION_LABELS = {
    "cites": "Textes cités : ",
    "implements": "Met en œuvre : ",
    "responds_to": "Répond à : ",
}

# International organisations' conventions: FRBRcountry from the organisation.
ORGANISATION_COUNTRIES = (
    ("conseil de l'europe", "coe"),
    ("nations unies", "un"),
    ("atlantique nord", "nato"),
)
DEFAULT_INTERNATIONAL = "int"

# Documents without the portal's metadata (from other systems): their type
# from the document element (acts by their country).
FOREIGN_TYPES = {
    "amendment": "Proposal",
    "judgment": "CourtRuling",
    "statement": "GretaRecommendation",
    "documentCollection": "TextLibrary",
}
FOREIGN_ACT_TYPES = {"eu": "EuropeanText", "fr": "NationalText"}
FOREIGN_ACT_DEFAULT = "Convention"
