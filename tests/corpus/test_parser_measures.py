"""The 33 measures against a ground-truth table written by hand from the source."""

from corpus_data import measure
from corpus_data import parsed

import pytest


J, INT, TRA = "min-justice", "min-interieur", "min-travail"
IMM, AE, SAN = "min-immigration", "min-affaires-etrangeres", "min-sante"
EDU, BUD, MIP = "min-education", "min-budget", "miprof"
COL, ASSO = "collectivites", "associations"
CIRC, CIRCS = "circulaire ministérielle", "circulaires ministérielles"
PL, DEC = "projet de loi", "décret"

# number, title, responsible, partners (None: field absent), instruments
# (None: field absent), deadline start, deadline end.
MEASURES = [
    (
        1,
        "CREER UNE STRUCTURE DE COORDINATION NATIONALE",
        ["premier-ministre"],
        [J, INT, TRA, AE, IMM],
        [DEC],
        2010,
        2010,
    ),
    (
        2,
        "RENFORCER LA COORDINATION DES ACTIONS DES DIFFERENTS ACTEURS",
        [MIP],
        [J, INT, TRA, SAN, IMM],
        ["conventions nationales et locales"],
        2011,
        2011,
    ),
    (
        3,
        "CREER DES COORDINATIONS DECONCENTREES SOUS LA FORME DE COMMISSIONS "
        "DEPARTEMENTALES",
        [INT],
        [J, TRA, SAN, IMM, COL],
        [CIRC],
        2011,
        2011,
    ),
    (
        4,
        "DESIGNER DES REFERENTS « TRAITE DES ETRES HUMAINS » AU NIVEAU DEPARTEMENTAL",
        [J, INT, IMM, TRA],
        None,
        [CIRC],
        2011,
        2011,
    ),
    (
        5,
        "ORGANISER UNE CAMPAGNE NATIONALE DE SENSIBILISATION DE L'OPINION PUBLIQUE",
        ["sig"],
        [MIP],
        None,
        2011,
        2013,
    ),
    (
        6,
        "DRESSER UN ETAT DES LIEUX DE LA TRAITE DES ETRES HUMAINS EN FRANCE",
        [MIP],
        [INT, J, TRA, SAN, EDU, IMM, ASSO],
        None,
        2011,
        2011,
    ),
    (
        7,
        "METTRE EN OEUVRE DES MESURES AFIN DE DECOURAGER LA DEMANDE",
        [MIP],
        [J, INT, TRA, SAN, EDU, IMM, ASSO],
        None,
        2011,
        2013,
    ),
    (
        8,
        "DEVELOPPER DES OUTILS DÉSTINES A L’IDENTIFICATION DES VICTIMES DE LA "
        "TRAITE DES ETRES HUMAINS",
        [MIP],
        [TRA, INT, J, SAN, IMM, ASSO],
        None,
        2011,
        2013,
    ),
    (
        9,
        "DIFFUSER LES OUTILS PEDAGOGIQUES DE FORMATION A LA LUTTE CONTRE LA "
        "TRAITE DES ETRES HUMAINS",
        [MIP],
        [TRA, INT, J, SAN, IMM, ASSO],
        [CIRCS],
        2011,
        2011,
    ),
    (
        10,
        "DEVELOPPER ET ANIMER DES MODULES DE FORMATION A L'IDENTIFICATION DES VICTIMES",
        [MIP],
        [TRA, INT, J, SAN, IMM, COL, ASSO],
        [CIRCS],
        2011,
        2013,
    ),
    (
        11,
        "DELIVRER UNE CARTE DE SEJOUR TEMPORAIRE POUR LES VICTIMES QUI COOPERENT",
        [IMM],
        [INT, J],
        [PL],
        2011,
        2011,
    ),
    (
        12,
        "ETENDRE LA DUREE DE LA PERIODE DE REFLEXION A TROIS MOIS CONTRE 30 "
        "JOURS ACTUELLEMENT",
        [IMM],
        [INT],
        [PL],
        2011,
        2011,
    ),
    (
        13,
        "HARMONISER LA PRISE EN CHARGE ADMINISTRATIVE DES VICTIMES DE LA TRAITE "
        "DES ETRES HUMAINS AU SEIN DES PREFECTURES",
        [INT],
        [IMM],
        [CIRC],
        2011,
        2013,
    ),
    (
        14,
        "PRENDRE EN CHARGE LES VICTIMES QUI NE SOUHAITENT PAS OU NE PEUVENT PAS "
        "COOPERER",
        [IMM, INT],
        [J],
        [PL],
        2011,
        2012,
    ),
    (
        15,
        "PRENDRE EN COMPTE LA SITUATION DE VICTIME DE LA TRAITE DES ETRES HUMAINS "
        "DANS LE CADRE DE L’EXAMEN DES DEMANDES DE PROTECTION AU TITRE DE L’ASILE",
        [IMM],
        [INT],
        [CIRC],
        2011,
        2011,
    ),
    (
        16,
        "AUTORISER LA VICTIME A ELIRE DOMICILE AUPRES D'UNE ASSOCIATION AGREE OU "
        "AUPRES DE SON AVOCAT",
        [INT],
        [IMM, J],
        [DEC],
        2011,
        2011,
    ),
    (
        17,
        "RENDRE DE DROIT LA DELIVRANCE D'UNE CARTE DE RESIDENT AUX VICTIMES "
        "AYANT COOPERE",
        [IMM],
        [INT, J],
        [DEC],
        2011,
        2013,
    ),
    (
        18,
        "DIAGNOSTIQUER LES RISQUES ENCOURUS PAR LA VICTIME AVANT SON ORIENTATION "
        "VERS UNE STRUCTURE D'ACCUEIL",
        [J, INT],
        [MIP],
        None,
        2011,
        2011,
    ),
    (
        19,
        "RENFORCER L'ACCES A L'HEBERGEMENT ET DIVERSIFIER LES FORMES "
        "D’HEBERGEMENT POUR LES ADAPTER AUX BESOINS DES VICTIMES",
        [TRA],
        [MIP],
        None,
        2011,
        2011,
    ),
    (
        20,
        "PRENDRE EN CHARGE DE MANIERE SPECIFIQUE LES MINEURS VICTIMES DE TRAITE "
        "DES ETRES HUMAINS",
        [TRA, SAN],
        [INT, J, AE, IMM, COL],
        [PL],
        2011,
        2013,
    ),
    (
        21,
        "RENFORCER L'ACCES AUX SOINS ET AUX SERVICES SOCIAUX",
        [SAN],
        [MIP, "coordinations-departementales", COL],
        None,
        2011,
        2013,
    ),
    (
        22,
        "PERMETTRE LA REINSERTION DANS LEUR PAYS D'ORIGINE DES PERSONNES "
        "VOLONTAIRES AU RETOUR",
        [IMM, "ofii"],
        [AE],
        None,
        2011,
        2013,
    ),
    (
        23,
        "METTRE EN OEUVRE UN PROGRAMME DE PROTECTION DES VICTIMES DE LA TRAITE "
        "DES ETRES HUMAINS",
        [J, INT],
        None,
        [PL],
        2011,
        2013,
    ),
    (
        24,
        "FACILITER LE REGROUPEMENT FAMILIAL DES VICTIMES",
        [IMM],
        [INT],
        [PL],
        2011,
        2013,
    ),
    (
        25,
        "MODIFIER LA DEFINITION DE LA TRAITE DES ETRES HUMAINS (Art.225-4-1 du "
        "Code Pénal)",
        [J],
        [MIP, TRA, INT],
        [PL],
        2011,
        2011,
    ),
    (
        26,
        "ENCOURAGER LES PROCEDURES DE SAISIE ET DE CONFISCATION DES AVOIRS CRIMINELS",
        [J, INT, BUD],
        None,
        None,
        2011,
        2013,
    ),
    (
        27,
        "ENCOURAGER LA RATIFICATION PAR TOUS LES ETATS DU PROTOCOLE ADDITIONNEL "
        "VISANT A PREVENIR, REPRIMER ET PUNIR LA TRAITE DES PERSONNES, NOTAMMENT "
        "CELLE DES FEMMES ET DES ENFANTS ET FAVORISER SA MISE EN OEUVRE EFFECTIVE",
        [AE],
        None,
        None,
        2011,
        2013,
    ),
    (
        28,
        "DEVELOPPER LES ACTIONS DE COOPERATION ET RENFORCER L'ASSISTANCE "
        "TECHNIQUE AUPRES DES PAYS D'ORIGINE",
        [AE],
        [J, INT],
        None,
        2011,
        2013,
    ),
    (
        29,
        "COORDONNER LES DIFFERENTES ACTIONS DE COOPERATION",
        [AE],
        [MIP],
        [CIRC],
        2011,
        2013,
    ),
    (
        30,
        "DEVELOPPER ET RENFORCER L'ENTRAIDE JUDICIAIRE ET POLICIERE",
        [J, INT],
        [AE, MIP],
        [CIRCS],
        2011,
        2011,
    ),
    (
        31,
        "PROMOUVOIR ET PERENNISER L'EXPERTISE FRANCAISE AU SEIN DES "
        "ORGANISATIONS INTERNATIONALES",
        [AE],
        [J, INT],
        None,
        2011,
        2011,
    ),
    (
        32,
        "ASSURER LA COHERENCE DES TRAVAUX ENTREPRIS DANS LE CADRE DES DIFFERENTES "
        "ORGANISATIONS INTERNATIONALES (ONUDC, OSCE, CONSEIL DE L'EUROPE, UNION "
        "EUROPEENNE)",
        [AE],
        [J, INT],
        [CIRCS],
        2011,
        2011,
    ),
    (
        33,
        "CREER UN « RAPPORTEUR NATIONAL SUR LA TRAITE DES ETRES HUMAINS » OU UN "
        "MECANISME EQUIVALENT",
        [J, INT],
        None,
        [PL],
        2011,
        2011,
    ),
]
IDS = [f"mesure-{row[0]}" for row in MEASURES]


class TestHeaderTable:
    def test_all_33_in_order(self):
        assert [m.number for m in parsed().measures] == list(range(1, 34))

    @pytest.mark.parametrize("row", MEASURES, ids=IDS)
    def test_title(self, row):
        assert measure(row[0]).title == row[1]

    @pytest.mark.parametrize("row", MEASURES, ids=IDS)
    def test_responsible(self, row):
        assert measure(row[0]).responsible == row[2]

    @pytest.mark.parametrize("row", MEASURES, ids=IDS)
    def test_partners(self, row):
        assert measure(row[0]).partners == (row[3] or [])

    @pytest.mark.parametrize("row", MEASURES, ids=IDS)
    def test_instruments(self, row):
        assert measure(row[0]).instruments == (row[4] or [])

    @pytest.mark.parametrize("row", MEASURES, ids=IDS)
    def test_deadline(self, row):
        m = measure(row[0])
        assert (m.deadline_start, m.deadline_end) == (row[5], row[6])
        expected = str(row[5]) if row[5] == row[6] else f"{row[5]}-{row[6]}"
        assert m.deadline_label == expected

    @pytest.mark.parametrize("row", MEASURES, ids=IDS)
    def test_missing_fields(self, row):
        expected = [
            name
            for name, value in (("partners", row[3]), ("instruments", row[4]))
            if value is None
        ]
        assert measure(row[0]).missing_fields == expected


# Plan sentences that the extraction cut or displaced, and where they belong.
PLAN_SENTENCES = [
    (
        1,
        "les violences faites aux femmes prévu par le décret n°2006-665 du 7 juin "
        "2006 relatif à la réduction du nombre",
    ),
    (1, "- rédiger un rapport annuel public"),
    (
        8,
        "des acteurs institutionnels et associatifs susceptibles d'être en contact "
        "avec les victimes.",
    ),
    (
        9,
        "faciliter la formation des professionnels et de sensibiliser les "
        "personnes identifiées",
    ),
    (10, "piloter les formations communes aux différents services de l'État"),
    (12, "manifestement insuffisant, sera fixé à trois mois."),
    (12, "conservé des liens avec les auteurs de l'infraction."),
    (
        13,
        "pour présumer du bénéfice du dispositif prévu par les dispositions des "
        "articles L.316-1 et suivants",
    ),
    (13, "Une telle mesure permet de garantir la confidentialité"),
    (15, "- Fournir aux victimes de la traite des êtres humains une information"),
    (15, "- S’assurer que les personnes et autorités compétentes"),
    (15, "- Prendre en compte les recommandations contenues"),
    (19, "- Renforcer le nombre de places disponibles"),
    (19, "- S’assurer que les places d’hébergement sont accessibles"),
    (20, "- Mener des actions de prévention à la fois dans les pays d’origine"),
    (20, "- Mettre en place un dispositif d'accueil spécifique pour les mineurs"),
    (22, "- Identifier les mécanismes d'assistance aux victimes"),
    (23, "- le relogement dans un lieu sécurisé ;"),
    (25, "mettre en conformité le droit français par rapport au droit international."),
    (30, "notamment en ce qui concerne l’extradition et la saisie et la confiscation"),
    (32, "- éviter la multiplication des mécanismes d'évaluation"),
    (32, "- soutenir l'application des normes"),
    (33, "Le groupe de travail a rédigé un avant-projet de loi"),
]


class TestOfficialText:
    @pytest.mark.parametrize(("number", "sentence"), PLAN_SENTENCES)
    def test_plan_sentence_in_its_measure(self, number, sentence):
        assert sentence in measure(number).official_text
        others = [
            m.number
            for m in parsed().measures
            if m.number != number and sentence in m.official_text
        ]
        assert others == []

    def test_measure_1_keeps_the_plan_order(self):
        text = measure(1).official_text
        anchors = [
            "- définir",
            "- piloter",
            "décret n°2006-665",
            "- recueillir",
            "- collaborer",
            "- rédiger",
            "Le secrétariat général",
        ]
        positions = [text.index(anchor) for anchor in anchors]
        assert positions == sorted(positions)

    def test_paragraph_after_the_list_is_separate(self):
        paragraphs = measure(1).official_text.split("\n\n")
        assert paragraphs[-1].startswith("Le secrétariat général de la mission")

    def test_measure_16_has_no_plan_text(self):
        # The source has the header of measure 16 followed directly by the box.
        assert measure(16).official_text == ""

    @pytest.mark.parametrize("m", parsed().measures, ids=lambda m: f"mesure-{m.number}")
    def test_lines_are_joined(self, m):
        for paragraph in m.official_text.split("\n\n") if m.official_text else []:
            assert "\n" not in paragraph
            assert "  " not in paragraph
            assert paragraph == paragraph.strip()

    @pytest.mark.parametrize("m", parsed().measures, ids=lambda m: f"mesure-{m.number}")
    def test_no_header_field_left_in_text(self, m):
        for label in ("Responsable", "Partenaire", "Échéance", "Echéance"):
            assert f"{label} :" not in m.official_text

    def test_lost_bullets_are_restored(self):
        items = [
            p for p in measure(32).official_text.split("\n\n") if p.startswith("- ")
        ]
        assert len(items) == 5
        assert (
            len(
                [
                    p
                    for p in measure(20).official_text.split("\n\n")
                    if p.startswith("- ")
                ]
            )
            == 3
        )

    def test_numbered_items_of_measure_13(self):
        text = measure(13).official_text
        assert "- 1- Créer une fiche de liaison" in text
        assert "- 2- Créer au sein de chaque préfecture" in text

    def test_word_hyphenated_at_line_end_is_rejoined(self):
        assert "propositions ci-dessous :" in measure(11).proposals[0].text
