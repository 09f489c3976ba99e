"""Write the legal-text catalogue into the text libraries."""

from traite_portal import _
from traite_portal.corpus.content import publish
from traite_portal.corpus.content import richtext
from traite_portal.corpus.content import upsert
from traite_portal.corpus.content import WriteCounter
from zope.i18n import translate


LIBRARY_ID = "textes"

# portal type -> (sub-library id, French title)
SECTIONS = {
    "Convention": (
        "conventions",
        _("lib_conventions", default="Conventions et protocoles"),
    ),
    "EuropeanText": (
        "droit-europeen",
        _("lib_eu", default="Droit de l'Union européenne"),
    ),
    "NationalText": (
        "droit-national",
        _("lib_national", default="Lois, décrets et codes"),
    ),
    "Circular": ("circulaires", _("lib_circulars", default="Circulaires")),
    "CourtRuling": ("jurisprudence", _("lib_rulings", default="Arrêts de la CEDH")),
    "GretaRecommendation": (
        "greta",
        _("lib_greta", default="Recommandations du GRETA"),
    ),
}

RICH_FIELDS = ("text", "summary")


def _fr(msg) -> str:
    return translate(msg, target_language="fr")


def ensure_libraries(site, counter: WriteCounter) -> dict:
    """The « Textes juridiques » library and one sub-library per type."""
    root = upsert(
        site,
        "TextLibrary",
        LIBRARY_ID,
        _fr(_("lib_root", default="Textes juridiques")),
        {},
        counter,
        description=_fr(
            _(
                "lib_root_help",
                default=(
                    "Conventions, droit européen et national, circulaires, "
                    "arrêts de la CEDH et recommandations du GRETA."
                ),
            )
        ),
    )
    libraries = {}
    for portal_type, (lib_id, title) in SECTIONS.items():
        libraries[portal_type] = upsert(
            root, "TextLibrary", lib_id, _fr(title), {}, counter
        )
        publish(libraries[portal_type])
    publish(root)
    return libraries


def write_legal_texts(
    libraries: dict, items: list[dict], counter: WriteCounter, progress=None
) -> dict:
    """Create or update every legal text; return {catalogue id: object}."""
    written = {}
    for item in items:
        values = dict(item.get("fields", {}))
        for name in RICH_FIELDS:
            if isinstance(values.get(name), str):
                values[name] = richtext(values[name])
        obj = upsert(
            libraries[item["type"]],
            item["type"],
            item["id"],
            item["title"],
            values,
            counter,
            description=item.get("summary", ""),
        )
        publish(obj)
        written[item["id"]] = obj
        if progress is not None:
            progress.update(1)
    return written
