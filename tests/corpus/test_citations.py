"""The legal-text catalogue and the citation patterns, without Plone.

Run alone with ``PYTHONPATH=src python3 -m pytest --noconftest
tests/corpus/test_citations.py``; the module is loaded from its file so that
the package ``__init__`` (which imports zope) is not needed.
"""

from datetime import date
from pathlib import Path

import importlib.util
import pytest
import re


ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "src" / "traite_portal" / "corpus" / "citations.py"
BODIES = MODULE.with_name("bodies.py")
CORPUS = ROOT / "data" / "plan-action-traite-2010-propositions-collectif.txt"

_spec = importlib.util.spec_from_file_location("_citations_under_test", MODULE)
citations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(citations)

ITEMS = citations.load_legal_texts()
BY_ID = {item["id"]: item for item in ITEMS}
TEXT = CORPUS.read_text(encoding="utf-8")
PLAIN = citations.normalise(TEXT)

FIELDS = {
    "Convention": {
        "organisation",
        "adoption_date",
        "entry_into_force_france",
        "articles",
    },
    "EuropeanText": {
        "celex",
        "eli",
        "document_date",
        "transposition_deadline",
        "text_kind",
    },
    "NationalText": {"nor", "eli", "jo_date", "text_kind", "code", "articles"},
    "Circular": {"nor", "ministry", "signature_date", "in_force"},
    "CourtRuling": {
        "case_name",
        "application_numbers",
        "judgment_date",
        "ecli",
        "respondent_states",
        "convention_articles",
        "outcome",
        "court",
    },
    "GretaRecommendation": {
        "evaluation_round",
        "report",
        "report_year",
        "paragraph",
        "strength",
        "text",
    },
}
REQUIRED = {
    "Convention": ("organisation", "adoption_date"),
    "EuropeanText": ("document_date", "text_kind"),
    "NationalText": ("text_kind",),
    "Circular": ("ministry", "signature_date"),
    "CourtRuling": (
        "case_name",
        "application_numbers",
        "judgment_date",
        "ecli",
        "respondent_states",
        "convention_articles",
        "outcome",
        "court",
    ),
    "GretaRecommendation": ("evaluation_round", "report", "report_year"),
}
DATE_KEYS = {
    "adoption_date",
    "entry_into_force_france",
    "document_date",
    "transposition_deadline",
    "jo_date",
    "signature_date",
    "judgment_date",
}
TEXT_KINDS = {
    "EuropeanText": {"directive", "décision-cadre", "conclusions"},
    "NationalText": {"loi", "décret", "ordonnance", "article de code", "code"},
}
CELEX = re.compile(r"3\d{4}[LFR]\d{4}")
ECLI = re.compile(r"ECLI:CE:ECHR:(\d{4}):(\d{4})JUD(\d{7})(\d{2})")
APPLICATION = re.compile(r"\d+/\d\d")
NOR = re.compile(r"[A-Z]{4}\d{7}[A-Z]")


# --- the catalogue ---------------------------------------------------------


def test_canonical_file_is_in_the_package():
    assert citations.DEFAULT_PATH.name == "legal_texts.json"
    assert not (ROOT / "data" / "legal-texts.json").exists()


def test_ids_are_unique_slugs():
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i["id"])
def test_item_shape(item):
    assert item["type"] in FIELDS
    assert set(item["fields"]) == FIELDS[item["type"]]
    assert item["title"].strip()
    assert item["summary"].strip()
    assert item["source"].strip()
    assert isinstance(item["annex"], bool)
    for key in REQUIRED[item["type"]]:
        assert item["fields"][key] not in (None, "", []), key
    for key, value in item["fields"].items():
        if key in DATE_KEYS and value is not None:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", value), key
            date.fromisoformat(value)
        if key in {
            "articles",
            "application_numbers",
            "respondent_states",
            "convention_articles",
        }:
            assert isinstance(value, list)
            assert all(isinstance(v, str) and v for v in value)


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i["id"])
def test_parent_exists_and_has_the_same_type(item):
    if "parent" in item:
        parent = BY_ID[item["parent"]]
        assert parent["type"] == item["type"]
        assert "parent" not in parent


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i["id"])
def test_identifier_formats(item):
    fields = item["fields"]
    if fields.get("celex") is not None:
        assert CELEX.fullmatch(fields["celex"])
    if fields.get("nor") is not None:
        assert NOR.fullmatch(fields["nor"])
    eli = fields.get("eli")
    if eli is not None and item["type"] == "EuropeanText":
        assert eli.startswith("http://data.europa.eu/eli/")
    if eli is not None and item["type"] == "NationalText":
        assert eli.startswith("https://www.legifrance.gouv.fr/eli/")
    if item["type"] in TEXT_KINDS:
        assert fields["text_kind"] in TEXT_KINDS[item["type"]]
    if item["type"] == "NationalText" and fields["text_kind"] in (
        "code",
        "article de code",
    ):
        assert fields["code"]
    if item["type"] == "Circular":
        assert fields["in_force"] in (True, False, None)
        # A token of the bodies vocabulary (traite_portal.corpus.bodies).
        assert f'"{fields["ministry"]}"' in BODIES.read_text(encoding="utf-8")
    if item["type"] == "GretaRecommendation":
        assert fields["strength"] in ("urges", "considers", "invites", None)
        assert re.fullmatch(r"GRETA\(\d{4}\)\d+", fields["report"])


@pytest.mark.parametrize(
    "item", [i for i in ITEMS if i["type"] == "CourtRuling"], ids=lambda i: i["id"]
)
def test_ecli_agrees_with_date_and_application_number(item):
    fields = item["fields"]
    assert fields["court"] == "CEDH"
    assert all(APPLICATION.fullmatch(n) for n in fields["application_numbers"])
    year, month_day, number, short_year = ECLI.fullmatch(fields["ecli"]).groups()
    judged = date.fromisoformat(fields["judgment_date"])
    assert (year, month_day) == (str(judged.year), judged.strftime("%m%d"))
    first = fields["application_numbers"][0]
    assert f"{int(number)}/{short_year}" == first


@pytest.mark.parametrize(
    ("item_id", "key", "value"),
    [
        ("coe-convention-2005", "adoption_date", "2005-05-16"),
        ("coe-convention-2005", "entry_into_force_france", "2008-05-01"),
        ("un-palermo-protocol-2000", "adoption_date", "2000-11-15"),
        ("dir-2011-36-ue", "celex", "32011L0036"),
        ("dir-2011-36-ue", "eli", "http://data.europa.eu/eli/dir/2011/36/oj"),
        ("dir-2011-36-ue", "transposition_deadline", "2013-04-06"),
        ("fd-2002-584-jai", "celex", "32002F0584"),
        ("fd-2002-584-jai", "document_date", "2002-06-13"),
        ("council-conclusions-2009-06-04", "document_date", "2009-06-04"),
        ("cedh-rantsev-2010", "ecli", "ECLI:CE:ECHR:2010:0107JUD002596504"),
        ("cedh-cn-v-france-2012", "ecli", "ECLI:CE:ECHR:2012:1011JUD006772409"),
        ("circ-2009-02-05-sejour-victimes", "nor", None),
        ("greta-2012-16-fra", "report", "GRETA(2012)16"),
    ],
)
def test_checked_identifiers(item_id, key, value):
    assert BY_ID[item_id]["fields"][key] == value


def test_annex_texts_are_the_three_the_collectif_asks_for():
    annex = {i["id"] for i in ITEMS if i["annex"]}
    assert annex == {"un-crc-1989", "cedh-cn-v-france-2012", "dir-2011-36-ue"}


def test_every_item_has_patterns_and_every_pattern_an_item():
    pattern_ids = [text_id for text_id, _ in citations.PATTERNS]
    assert len(pattern_ids) == len(set(pattern_ids))
    assert set(pattern_ids) == set(BY_ID)


# --- the patterns, on the real document ------------------------------------

# Spellings that the 2010 document does not use but that other texts do.
VARIANTS = {
    "coe-convention-2005": ["la Convention STCE n° 197", "CETS No. 197"],
    "un-palermo-protocol-2000": ["le Protocole de Palerme"],
    "un-untoc-2000": ["la Convention de Palerme"],
    "un-refugee-convention-1951": [
        "la Convention de Genève relative au statut des réfugiés"
    ],
    "un-refugee-protocol-1967": ["le Protocole relatif au statut des réfugiés"],
    "un-crc-1989": ["la Convention relative aux droits de l’enfant", "la CIDE"],
    "unhcr-guidelines-2006": ["HCR/GIP/06/07"],
    "nato-istanbul-2004": ["au sommet d'Istanbul"],
    "dir-2011-36-ue": ["CELEX 32011L0036"],
    "fd-2002-584-jai": ["la décision-cadre 2002/584/JAI"],
    "ord-45-174": ["l'ordonnance n° 45-174"],
    "loi-2013-711": ["la loi n° 2013-711 du 5 août 2013"],
    "cedh-cn-v-france-2012": ["C.N. et V. c. France, n° 67724/09"],
    "greta-2012-16-fra": ["le rapport GRETA(2012)16"],
}


@pytest.mark.parametrize(
    ("text_id", "pattern"),
    citations.compiled_patterns(),
    ids=[f"{i}:{n}" for n, (i, _) in enumerate(citations.compiled_patterns())],
)
def test_every_pattern_fires_on_the_document_or_a_known_variant(text_id, pattern):
    examples = [citations.normalise(v) for v in VARIANTS.get(text_id, [])]
    assert pattern.search(PLAIN) or any(pattern.search(e) for e in examples)


def test_every_catalogue_item_is_cited_by_the_document():
    found = citations.find_citations(TEXT)
    assert len(found) == len(set(found))
    assert set(found) == set(BY_ID)


def _in_document(sentence: str) -> str:
    """The sentence, after checking that the document really contains it."""
    assert citations.normalise(sentence) in PLAIN, sentence
    return sentence


COE, ART = "coe-convention-2005", "coe-convention-2005-art-"
GRETA = "greta-2012-16-fra"
SENTENCES = [
    (
        "ratification de la Convention du Conseil de l'Europe sur la lutte contre "
        "la traite des êtres humains.",
        [COE],
    ),
    (
        "Les articles 1 et 5 de la Convention placent la prévention au cœur",
        [ART + "1", ART + "5", COE],
    ),
    (
        "L'article 6 de la Convention du Conseil de l'Europe sur la lutte contre "
        "la traite des êtres\nhumains impose",
        [ART + "6", COE],
    ),
    (
        "L'article 10 de la Convention du Conseil de l'Europe sur la lutte contre "
        "les êtres humains insiste",
        [ART + "10", COE],
    ),
    ("dans la Convention de \nVarsovie, ce délai", [COE]),
    (
        "prévue à l'article 29§4, aux termes duquel les États parties à la Convention",
        [ART + "29-4", COE],
    ),
    (
        "délivrée au titre de l'article L. \n316-1 du Code de l'entrée et du "
        "Séjour des étrangers Et du Droit d'asile",
        ["ceseda-l316-1", "ceseda"],
    ),
    (
        "délivrés par le biais de l’article L.316-1 \ndu CESEDA",
        ["ceseda-l316-1", "ceseda"],
    ),
    (
        "Selon les articles L511-4 et L521-4 du CESEDA et de l'article 20-4 de "
        "l'ordonnance du 2 février 1945 sur l'enfance délinquante",
        ["ceseda-l511-4", "ceseda", "ceseda-l521-4", "ord-45-174"],
    ),
    (
        "réprimée par les articles 225-4-1 et suivants du Code pénal.",
        ["code-penal-225-4-1", "code-penal"],
    ),
    (
        "(articles 225-13 à 225-16 du Code Pénal)",
        ["code-penal-225-13-225-16", "code-penal"],
    ),
    (
        "DES ETRES HUMAINS \n(Art.225-4-1 du Code Pénal)",
        ["code-penal-225-4-1", "code-penal"],
    ),
    (
        "prévue par le protocole additionnel visant à prévenir, réprimer et punir "
        "la traite des personnes, en particulier des femmes et des enfants et la "
        "Convention du Conseil de l'Europe",
        ["un-palermo-protocol-2000", COE],
    ),
    (
        "PROTOCOLE ADDITIONNEL VISANT A PREVENIR, REPRIMER ET PUNIR LA TRAITE \n"
        "DES PERSONNES",
        ["un-palermo-protocol-2000"],
    ),
    (
        "parties à la Convention des Nations unies contre la criminalité "
        "transnationale organisée",
        ["un-untoc-2000"],
    ),
    (
        "Principes directeurs sur la protection internationale : Application de "
        "l’Article 1A (2) de la Convention de 1951 et/ou du \nProtocole de 1967",
        [
            "unhcr-guidelines-2006",
            "un-refugee-convention-1951-art-1a2",
            "un-refugee-convention-1951",
            "un-refugee-protocol-1967",
        ],
    ),
    ("des pays de \nl'OTAN de juin 2004 à Istanbul", ["nato-istanbul-2004"]),
    (
        "la procédure \ndu mandat d’arrêt européen prévue par la décision-cadre du "
        "Conseil de l'Union européenne du \n13 juin 2002",
        ["fd-2002-584-jai"],
    ),
    (
        "(Conclusions du Conseil sur la mise en place, au sein de l'Union "
        "européenne, d'un réseau informel de rapporteurs nationaux",
        ["council-conclusions-2009-06-04"],
    ),
    (" décret n°2006-665 du 7 juin 2006", ["decret-2006-665"]),
    (
        "le projet de loi portant transposition de la directive 2011/36/UE du \n"
        "Parlement européen",
        ["loi-2013-711", "dir-2011-36-ue"],
    ),
    (
        "certaines des \nrecommandations du GRETA, notamment concernant les "
        "modifications à effectuer dans le \nCode  pénal",
        [GRETA, "code-penal"],
    ),
    (
        "Les dispositions de la circulaire du 5 février 2009 doivent être modifiées",
        ["circ-2009-02-05-sejour-victimes"],
    ),
    (
        "l'arrêt de la Cour européennes des droits de l'Homme du 7 janvier 20101",
        ["cedh-rantsev-2010"],
    ),
    (
        "Rantsev c. Chypre et la Russie (requête n°25965/04), 7 janvier 2010",
        ["cedh-rantsev-2010"],
    ),
    (
        "la Convention internationale des droits de l’enfant de 1989 dans la "
        "rubrique des textes juridiques internationaux, l’arrêt « CEDH 11 \n"
        "octobre 2012, C, N et V c. France » dans la rubrique des arrêts de la "
        "Cour Européenne des Droits de l’Homme et la directive 2011/36/UE",
        ["un-crc-1989", "cedh-cn-v-france-2012", "dir-2011-36-ue"],
    ),
    (
        "Comme le recommande le rapport du GRETA, le délai de rétablissement et "
        "de réflexion ne \ndevra pas être révoqué",
        [GRETA, "greta-2012-16-reflection-period"],
    ),
    (
        "Comme le constate le GRETA et les associations de terrain, le délai de "
        "rétablissement et de \nréflexion",
        [GRETA, "greta-2012-16-reflection-period"],
    ),
    (
        "Comme le recommande le rapport du GRETA, compte tenu de la situation de "
        "contrainte \ndans laquelle les victimes de traite se trouvent ou se sont "
        "trouvées lors du dépôt et de \nl’examen de leur demande d’asile",
        [GRETA, "greta-2012-16-asylum"],
    ),
    (
        "comme le suggère le rapport du GRETA, l’obligation d’informer les victimes "
        "\nde la traite, dans une langue qu’elles comprennent, de leur droit de "
        "demander cette \nindemnisation",
        [GRETA, "greta-2012-16-compensation"],
    ),
    (
        "un certain nombre de dispositions du code de procédure pénale tendent",
        ["code-procedure-penale"],
    ),
    # The plan names the GRETA body, not the 2013 report.
    (
        "le groupe d'experts du \nConseil de l'Europe sur la traite des êtres "
        "humains (GRETA)",
        [],
    ),
    ("la signature d'une Convention n'est pas une condition", []),
    ("au moyen d'une Convention-cadre avec les acteurs", []),
    ("Instrument : projet de loi", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_sentence_from_the_document(sentence, expected):
    assert citations.find_citations(_in_document(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "l'article R. 316-1 du code",
        "l'article L. 316-10",
        "l'article 225-16-1",
        "l'article 225-14-1",
        "l'article 1 de la Convention relative aux droits de l'enfant",
        "la Convention européenne des droits de l'homme",
        "une convention nationale et locale",
        "le rapport annuel public",
    ],
)
def test_negatives(sentence):
    found = citations.find_citations(sentence)
    assert not [i for i in found if i != "un-crc-1989"]


def test_curly_and_straight_apostrophes_agree():
    straight = "le mandat d'arrêt européen et l'article L.316-1"
    curly = straight.replace("'", "’")
    assert citations.find_citations(curly) == citations.find_citations(straight)
    assert citations.find_citations(curly) == [
        "fd-2002-584-jai",
        "ceseda-l316-1",
        "ceseda",
    ]


def test_load_legal_texts_accepts_a_path(tmp_path):
    path = tmp_path / "texts.json"
    path.write_text('[{"id": "x"}]', encoding="utf-8")
    assert citations.load_legal_texts(path) == [{"id": "x"}]
