"""The default synonyms, acronyms and common names of the field.

One table, read by the registry record's default (coordinators edit it in the
control panel « Recherche : synonymes »), by the tests and by ``docs/search.md``.
Each row is a group of equivalent expressions; a row written ``a => b`` in
the control panel widens only ``a`` to ``b``. Punctuation inside an
expression is ignored when matching (« Protocole de Palerme » has no commas).
"""

DEFAULT_SYNONYMS = (
    # Institutions and bodies
    ("OFPRA", "Office français de protection des réfugiés et apatrides"),
    ("OFII", "Office français de l'immigration et de l'intégration"),
    ("CNDA", "Cour nationale du droit d'asile"),
    (
        "MIPROF",
        "Mission interministérielle pour la protection des femmes contre les "
        "violences et la lutte contre la traite des êtres humains",
        "structure de coordination nationale",
    ),
    ("OCRTEH", "Office central pour la répression de la traite des êtres humains"),
    ("OCLTI", "Office central de lutte contre le travail illégal"),
    ("GRETA", "Groupe d'experts sur la lutte contre la traite des êtres humains"),
    ("CEDH", "Cour européenne des droits de l'homme", "CourEDH"),
    ("CJUE", "Cour de justice de l'Union européenne"),
    ("ONUDC", "UNODC", "Office des Nations unies contre la drogue et le crime"),
    ("OSCE", "Organisation pour la sécurité et la coopération en Europe"),
    ("OIT", "Organisation internationale du travail"),
    ("OIM", "Organisation internationale pour les migrations"),
    ("HCR", "UNHCR", "Haut-Commissariat des Nations unies pour les réfugiés"),
    ("OTAN", "NATO", "Organisation du traité de l'Atlantique Nord"),
    ("CNCDH", "Commission nationale consultative des droits de l'homme"),
    ("ASE", "aide sociale à l'enfance"),
    ("PJJ", "protection judiciaire de la jeunesse"),
    ("CADA", "centre d'accueil de demandeurs d'asile"),
    ("CHRS", "centre d'hébergement et de réinsertion sociale"),
    ("CIVI", "commission d'indemnisation des victimes d'infractions"),
    ("SARVI", "service d'aide au recouvrement des victimes d'infractions"),
    ("UE", "Union européenne"),
    # Codes, procedures and documents
    ("CESEDA", "Code de l'entrée et du séjour des étrangers et du droit d'asile"),
    ("CPP", "code de procédure pénale"),
    ("OQTF", "obligation de quitter le territoire"),
    ("APS", "autorisation provisoire de séjour"),
    ("CST", "carte de séjour temporaire"),
    ("titre de séjour", "carte de séjour", "permis de séjour"),
    ("AME", "aide médicale de l'État"),
    ("ATA", "allocation temporaire d'attente"),
    ("AEMO", "assistance éducative en milieu ouvert"),
    ("Ac.Sé", "Ac-Sé", "réseau accueil sécurisant"),
    ("JO", "Journal officiel"),
    ("MAE", "mandat d'arrêt européen", "décision-cadre 2002/584/JAI"),
    (
        "délai de réflexion",
        "délai de rétablissement et de réflexion",
        "période de réflexion",
    ),
    # Common names of conventions and texts
    (
        "Convention de Varsovie",
        "Convention du Conseil de l'Europe sur la lutte contre la traite des "
        "êtres humains",
        "STCE 197",
    ),
    (
        "Protocole de Palerme",
        "Protocole additionnel visant à prévenir réprimer et punir la traite "
        "des personnes",
    ),
    (
        "Convention de Palerme",
        "Convention des Nations unies contre la criminalité transnationale organisée",
    ),
    ("Convention de Genève", "Convention relative au statut des réfugiés"),
    ("CIDE", "Convention internationale des droits de l'enfant"),
    (
        "CESDH",
        "Convention européenne des droits de l'homme",
        "Convention de sauvegarde des droits de l'homme et des libertés fondamentales",
    ),
    ("directive traite", "directive 2011/36/UE"),
    # Everyday words for the plan's terms
    ("ONG", "associations", "organisations non gouvernementales"),
    ("TEH", "traite des êtres humains", "traite des personnes"),
    (
        "MNA",
        "mineurs non accompagnés",
        "MIE",
        "mineurs isolés étrangers",
    ),
    ("indemnisation", "réparation du préjudice"),
    ("hébergement", "mise à l'abri"),
)


def synonym_lines(groups=DEFAULT_SYNONYMS) -> list[str]:
    """The table as the control panel shows it, one group a line."""
    return [", ".join(group) for group in groups]
