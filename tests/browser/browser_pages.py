"""Every page of issue 10 in the corpus site, found in the site rather than typed:
one item of each legal type, every library, every kind of permalink."""

from plone import api
from traite_portal.browser.permalinks import PERMALINKS
from traite_portal.corpus.library import SECTIONS

import transaction


def add_missing_texts(portal) -> None:
    """A GRETA recommendation and a circular with a NOR: the corpus has none."""
    libraries = portal["textes"]
    with api.env.adopt_roles(["Manager"]):
        greta = api.content.create(
            libraries["greta"],
            "GretaRecommendation",
            id="greta-2013-france-45",
            title="GRETA, premier cycle, France, paragraphe 45",
            report="Rapport concernant la mise en œuvre de la Convention par la France",
            report_year=2013,
            paragraph="45",
        )
        circular = api.content.create(
            libraries["circulaires"],
            "Circular",
            id="circulaire-nor",
            title="Circulaire de politique pénale en matière de traite",
            nor="JUSD1306583C",
        )
        for item in (greta, circular):
            api.content.transition(obj=item, to_state="published")
    transaction.commit()


def _first(portal_type: str):
    brains = api.content.find(portal_type=portal_type, sort_on="path", sort_limit=1)
    return brains[0].getObject()


def permalink_values() -> dict[str, str]:
    """A known value for each permalink kind, read from the items themselves."""
    ruling = _first("CourtRuling")
    values = {
        "mesure": str(_first("Measure").number),
        "chapitre": str(_first("Chapter").number),
        "ecli": ruling.ecli,
        "requete": ruling.application_numbers[0],
        "celex": _first("EuropeanText").celex,
        "nor": api.content.find(portal_type="Circular", getId="circulaire-nor")[0]
        .getObject()
        .nor,
    }
    assert set(values) == set(PERMALINKS), "a permalink kind has no page here"
    return values


def issue_pages(portal) -> list[tuple[str, str]]:
    """(name, URL) of the home page, dashboard, chapter, measure, annexes,
    proposal, one text of each legal type, every library, the report, every
    permalink and the French 404."""
    plan = portal["plan-action-2010"]
    url = portal.absolute_url()
    pages = [
        ("home", url),
        ("dashboard", plan.absolute_url()),
        ("chapter", plan["chapitre-4"].absolute_url()),
        ("measure", plan["chapitre-4"]["mesure-12"].absolute_url()),
        ("annexes", plan["annexes"].absolute_url()),
        ("proposal", _first("Proposal").absolute_url()),
        ("report", f"{plan.absolute_url()}/@@rapport-de-suivi"),
    ]
    for portal_type in SECTIONS:
        pages.append((f"text-{portal_type}", _first(portal_type).absolute_url()))
    for brain in api.content.find(portal_type="TextLibrary", sort_on="path"):
        pages.append((f"library-{brain.getId}", brain.getURL()))
    for kind, value in permalink_values().items():
        pages.append((f"permalink-{kind}", f"{url}/{kind}/{value}"))
    pages.append(("not-found", f"{url}/mesure/999999"))
    return pages
