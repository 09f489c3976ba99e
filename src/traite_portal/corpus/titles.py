"""Editorial titles: the plan's capitals without accents, in readable French.

The source writes chapter and measure titles in capitals, mostly without
accents (« ETENDRE LA DUREE DE LA PERIODE DE REFLEXION… »). Each entry below is
keyed by number and anchored by the exact source wording, so a changed source
is rejected instead of silently keeping a stale title (as the hand corrections
of ``corrections.py`` are anchored). The source wording is kept on the item in
its own field (``source_title``).
"""

from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.model import Chapter


# number -> (source wording, readable title)
CHAPTER_TITLES: dict[int, tuple[str, str]] = {
    1: (
        "COORDONNER LA LUTTE CONTRE LA TRAITE DES ÊTRES HUMAINS",
        "Coordonner la lutte contre la traite des êtres humains",
    ),
    2: (
        "PREVENIR LA TRAITE DES ÊTRES HUMAINS",
        "Prévenir la traite des êtres humains",
    ),
    3: ("IDENTIFIER LES VICTIMES", "Identifier les victimes"),
    4: ("PROTEGER LES VICTIMES", "Protéger les victimes"),
    5: ("REPRIMER LES AUTEURS", "Réprimer les auteurs"),
    6: (
        "COOPERER AVEC LES ETATS CONCERNES ET LES ORGANISATIONS INTERNATIONALES",
        "Coopérer avec les États concernés et les organisations internationales",
    ),
    7: ("CONTROLER ET ÉVALUER", "Contrôler et évaluer"),
}

MEASURE_TITLES: dict[int, tuple[str, str]] = {
    1: (
        "CREER UNE STRUCTURE DE COORDINATION NATIONALE",
        "Créer une structure de coordination nationale",
    ),
    2: (
        "RENFORCER LA COORDINATION DES ACTIONS DES DIFFERENTS ACTEURS",
        "Renforcer la coordination des actions des différents acteurs",
    ),
    3: (
        "CREER DES COORDINATIONS DECONCENTREES SOUS LA FORME DE COMMISSIONS "
        "DEPARTEMENTALES",
        "Créer des coordinations déconcentrées sous la forme de commissions "
        "départementales",
    ),
    4: (
        "DESIGNER DES REFERENTS « TRAITE DES ETRES HUMAINS » AU NIVEAU DEPARTEMENTAL",
        "Désigner des référents « traite des êtres humains » au niveau départemental",
    ),
    5: (
        "ORGANISER UNE CAMPAGNE NATIONALE DE SENSIBILISATION DE L'OPINION PUBLIQUE",
        "Organiser une campagne nationale de sensibilisation de l'opinion publique",
    ),
    6: (
        "DRESSER UN ETAT DES LIEUX DE LA TRAITE DES ETRES HUMAINS EN FRANCE",
        "Dresser un état des lieux de la traite des êtres humains en France",
    ),
    7: (
        "METTRE EN OEUVRE DES MESURES AFIN DE DECOURAGER LA DEMANDE",
        "Mettre en œuvre des mesures afin de décourager la demande",
    ),
    8: (
        "DEVELOPPER DES OUTILS DÉSTINES A L’IDENTIFICATION DES VICTIMES DE LA "
        "TRAITE DES ETRES HUMAINS",
        "Développer des outils destinés à l'identification des victimes de la "
        "traite des êtres humains",
    ),
    9: (
        "DIFFUSER LES OUTILS PEDAGOGIQUES DE FORMATION A LA LUTTE CONTRE LA "
        "TRAITE DES ETRES HUMAINS",
        "Diffuser les outils pédagogiques de formation à la lutte contre la "
        "traite des êtres humains",
    ),
    10: (
        "DEVELOPPER ET ANIMER DES MODULES DE FORMATION A L'IDENTIFICATION DES VICTIMES",
        "Développer et animer des modules de formation à l'identification des victimes",
    ),
    11: (
        "DELIVRER UNE CARTE DE SEJOUR TEMPORAIRE POUR LES VICTIMES QUI COOPERENT",
        "Délivrer une carte de séjour temporaire pour les victimes qui coopèrent",
    ),
    12: (
        "ETENDRE LA DUREE DE LA PERIODE DE REFLEXION A TROIS MOIS CONTRE 30 JOURS "
        "ACTUELLEMENT",
        "Étendre la durée de la période de réflexion à trois mois contre 30 jours "
        "actuellement",
    ),
    13: (
        "HARMONISER LA PRISE EN CHARGE ADMINISTRATIVE DES VICTIMES DE LA TRAITE "
        "DES ETRES HUMAINS AU SEIN DES PREFECTURES",
        "Harmoniser la prise en charge administrative des victimes de la traite "
        "des êtres humains au sein des préfectures",
    ),
    14: (
        "PRENDRE EN CHARGE LES VICTIMES QUI NE SOUHAITENT PAS OU NE PEUVENT PAS "
        "COOPERER",
        "Prendre en charge les victimes qui ne souhaitent pas ou ne peuvent pas "
        "coopérer",
    ),
    15: (
        "PRENDRE EN COMPTE LA SITUATION DE VICTIME DE LA TRAITE DES ETRES "
        "HUMAINS DANS LE CADRE DE L’EXAMEN DES DEMANDES DE PROTECTION AU TITRE "
        "DE L’ASILE",
        "Prendre en compte la situation de victime de la traite des êtres "
        "humains dans le cadre de l'examen des demandes de protection au titre "
        "de l'asile",
    ),
    16: (
        "AUTORISER LA VICTIME A ELIRE DOMICILE AUPRES D'UNE ASSOCIATION AGREE OU "
        "AUPRES DE SON AVOCAT",
        "Autoriser la victime à élire domicile auprès d'une association agréée "
        "ou auprès de son avocat",
    ),
    17: (
        "RENDRE DE DROIT LA DELIVRANCE D'UNE CARTE DE RESIDENT AUX VICTIMES "
        "AYANT COOPERE",
        "Rendre de droit la délivrance d'une carte de résident aux victimes "
        "ayant coopéré",
    ),
    18: (
        "DIAGNOSTIQUER LES RISQUES ENCOURUS PAR LA VICTIME AVANT SON ORIENTATION "
        "VERS UNE STRUCTURE D'ACCUEIL",
        "Diagnostiquer les risques encourus par la victime avant son "
        "orientation vers une structure d'accueil",
    ),
    19: (
        "RENFORCER L'ACCES A L'HEBERGEMENT ET DIVERSIFIER LES FORMES "
        "D’HEBERGEMENT POUR LES ADAPTER AUX BESOINS DES VICTIMES",
        "Renforcer l'accès à l'hébergement et diversifier les formes "
        "d'hébergement pour les adapter aux besoins des victimes",
    ),
    20: (
        "PRENDRE EN CHARGE DE MANIERE SPECIFIQUE LES MINEURS VICTIMES DE TRAITE "
        "DES ETRES HUMAINS",
        "Prendre en charge de manière spécifique les mineurs victimes de traite "
        "des êtres humains",
    ),
    21: (
        "RENFORCER L'ACCES AUX SOINS ET AUX SERVICES SOCIAUX",
        "Renforcer l'accès aux soins et aux services sociaux",
    ),
    22: (
        "PERMETTRE LA REINSERTION DANS LEUR PAYS D'ORIGINE DES PERSONNES "
        "VOLONTAIRES AU RETOUR",
        "Permettre la réinsertion dans leur pays d'origine des personnes "
        "volontaires au retour",
    ),
    23: (
        "METTRE EN OEUVRE UN PROGRAMME DE PROTECTION DES VICTIMES DE LA TRAITE "
        "DES ETRES HUMAINS",
        "Mettre en œuvre un programme de protection des victimes de la traite "
        "des êtres humains",
    ),
    24: (
        "FACILITER LE REGROUPEMENT FAMILIAL DES VICTIMES",
        "Faciliter le regroupement familial des victimes",
    ),
    25: (
        "MODIFIER LA DEFINITION DE LA TRAITE DES ETRES HUMAINS (Art.225-4-1 du "
        "Code Pénal)",
        "Modifier la définition de la traite des êtres humains (article "
        "225-4-1 du code pénal)",
    ),
    26: (
        "ENCOURAGER LES PROCEDURES DE SAISIE ET DE CONFISCATION DES AVOIRS CRIMINELS",
        "Encourager les procédures de saisie et de confiscation des avoirs criminels",
    ),
    27: (
        "ENCOURAGER LA RATIFICATION PAR TOUS LES ETATS DU PROTOCOLE ADDITIONNEL "
        "VISANT A PREVENIR, REPRIMER ET PUNIR LA TRAITE DES PERSONNES, "
        "NOTAMMENT CELLE DES FEMMES ET DES ENFANTS ET FAVORISER SA MISE EN "
        "OEUVRE EFFECTIVE",
        "Encourager la ratification par tous les États du protocole additionnel "
        "visant à prévenir, réprimer et punir la traite des personnes, "
        "notamment celle des femmes et des enfants, et favoriser sa mise en "
        "œuvre effective",
    ),
    28: (
        "DEVELOPPER LES ACTIONS DE COOPERATION ET RENFORCER L'ASSISTANCE "
        "TECHNIQUE AUPRES DES PAYS D'ORIGINE",
        "Développer les actions de coopération et renforcer l'assistance "
        "technique auprès des pays d'origine",
    ),
    29: (
        "COORDONNER LES DIFFERENTES ACTIONS DE COOPERATION",
        "Coordonner les différentes actions de coopération",
    ),
    30: (
        "DEVELOPPER ET RENFORCER L'ENTRAIDE JUDICIAIRE ET POLICIERE",
        "Développer et renforcer l'entraide judiciaire et policière",
    ),
    31: (
        "PROMOUVOIR ET PERENNISER L'EXPERTISE FRANCAISE AU SEIN DES "
        "ORGANISATIONS INTERNATIONALES",
        "Promouvoir et pérenniser l'expertise française au sein des "
        "organisations internationales",
    ),
    32: (
        "ASSURER LA COHERENCE DES TRAVAUX ENTREPRIS DANS LE CADRE DES "
        "DIFFERENTES ORGANISATIONS INTERNATIONALES (ONUDC, OSCE, CONSEIL DE "
        "L'EUROPE, UNION EUROPEENNE)",
        "Assurer la cohérence des travaux entrepris dans le cadre des "
        "différentes organisations internationales (ONUDC, OSCE, Conseil de "
        "l'Europe, Union européenne)",
    ),
    33: (
        "CREER UN « RAPPORTEUR NATIONAL SUR LA TRAITE DES ETRES HUMAINS » OU UN "
        "MECANISME EQUIVALENT",
        "Créer un « rapporteur national sur la traite des êtres humains » ou un "
        "mécanisme équivalent",
    ),
}


def _check(kind: str, table: dict, number: int, source: str) -> None:
    entry = table.get(number)
    if entry is None or entry[0] != source:
        raise CorpusFormatError(
            f"Fichier de corpus invalide : le titre corrigé {kind} n° {number} ne "
            f"correspond plus au titre du document (« {source} »)."
        )


def check_titles(chapters: list[Chapter]) -> None:
    """Every chapter and measure has a readable title anchored on its wording."""
    for chapter in chapters:
        _check("du chapitre", CHAPTER_TITLES, chapter.number, chapter.title)
        for measure in chapter.measures:
            _check("de la mesure", MEASURE_TITLES, measure.number, measure.title)


def chapter_title(number: int) -> str:
    """The readable title of chapter ``number``."""
    return CHAPTER_TITLES[number][1]


def measure_title(number: int) -> str:
    """The readable title of measure ``number``."""
    return MEASURE_TITLES[number][1]
