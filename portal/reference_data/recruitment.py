"""Reference lists of the recruitment extranet (DESIGN.md sections 3 and 4, seeds 000 and 001).

Codes are stable slugs that business rules refer to; labels may be edited by an administrator.
"""

# (code, name, is_temporary) – a temporary situation asks for its planned end date.
SITUATIONS = [
    ("en-recherche-emploi", "En recherche d'emploi", False),
    ("recherche-stage-action-adc", "Recherche d'une entreprise pour stage durant une action ADC en cours", True),
    ("emploi-suite-action-nege", "CDI (ou CDD) suite action NEGE", False),
    ("emploi-hors-action-nege", "CDI (ou CDD) hors action NEGE", False),
    ("cdd-structure-insertion", "CDD en structure d'insertion", True),
    ("entrepreneur-suite-action-nege", "Entrepreneur suite action NEGE", False),
    ("entrepreneur-hors-action-nege", "Entrepreneur hors action NEGE", False),
    ("plan-individuel-adc", "Plan Individuel ADC en cours", True),
    ("formation-hors-adc", "Formation hors action ADC NEGE", True),
    ("indisponibilite-ponctuelle", "Indisponibilité ponctuelle", True),
    ("sans-reponse", "Sans réponse", False),
]

# (code, name, adviser_may_set) – the first four are the Référent Emploi's (seed 000),
# the others are set by the commission while it studies the dossier.
DOSSIER_STATUSES = [
    ("constitution-dossier", "Constitution dossier", True),
    ("dossier-complet", "Dossier complet à étudier", True),
    ("dossier-a-re-etudier", "Dossier à ré-étudier", True),
    ("candidature-suspendue", "Candidature suspendue", True),
    ("dossier-incomplet", "Dossier incomplet – informations à compléter", False),
    ("convoque-commission", "Convoqué en commission", False),
    ("absent-entretien", "Absent à l'entretien conseil", False),
    ("entretien-realise", "Entretien réalisé", False),
    ("a-determiner", "À déterminer (débriefing)", False),
    ("classe", "Classé", False),
    ("sans-suite", "Sans suite", False),
]

STUDY_LEVELS = ["< Bac", "Bac non validé", "Bac", "Bac + 2", "Bac + 3", "Bac + 4", "Bac + 5", "> Bac+5"]

EXPERIENCE_BANDS = ["< 1 an", "1 à 2 ans", "3 à 5 ans", "6 à 10 ans", "> 10 ans"]

SALARY_BANDS = [
    "< 20 k€",
    "20 – 25 k€",
    "25 – 30 k€",
    "30 – 35 k€",
    "35 – 40 k€",
    "40 – 45 k€",
    "45 – 50 k€",
    "> 50 k€",
]

# (category, [traits]) – the notable behaviour traits of panel 2 (seed 001).
BEHAVIOURS = [
    ("Communication", ["Synthétique", "Structuré", "Réceptif"]),
    ("Personnalité", ["Motivé", "Dynamique"]),
    ("Relationnel", ["Sens du client / service", "Franc / Transparent", "Maîtrise de soi", "Sympathique / Convivial"]),
    ("Méthodologie", ["Esprit analytique", "Organisé", "Rigoureux"]),
    ("Langues", ["Anglais", "Allemand"]),
]

MOBILITY_ZONES = [
    "Agglomération",
    "Département",
    "Région",
    "Île-de-France",
    "Autres régions de France",
    "Pays limitrophes",
]

MOBILITY_FREQUENCIES = [
    "Non souhaitée",
    "Occasionnellement (quelques jours)",
    "Régulièrement (quelques jours)",
    "Mission courte (quelques semaines)",
    "Mission longue (plusieurs mois)",
]

# (code, name) – how the candidate was detected (seed 000, "Canal de candidature").
APPLICATION_CHANNELS = [
    ("operation-recurrente", "Opération récurrente de recherche de candidats"),
    ("information-collective", "Information collective"),
    ("selection-stagiaires", "Sélection de stagiaires pour une session de formation"),
    ("rendez-vous-individuel", "Rendez-vous individuel avec le conseiller Emploi"),
    ("candidature-spontanee-association", "Candidature spontanée auprès de l'association"),
    ("candidature-spontanee-formation", "Candidature spontanée auprès d'un organisme de formation partenaire"),
    ("company", "Soumis par une entreprise"),
]
COMPANY_CHANNEL = "company"

SEARCH_CONTEXTS = [
    "Habitant d'un Quartier Prioritaire de la Ville (QPV)",
    "Habitant de l'Eurométropole de Strasbourg",
    "Demandeur d'emploi de longue durée (plus de 12 mois)",
    "Senior (50 ans et plus)",
    "Jeune de moins de 26 ans",
    "Travailleur handicapé (RQTH)",
    "Bénéficiaire de minima sociaux (ASS, AAH…)",
    "En reconversion professionnelle",
    "Sortant de formation initiale",
]

# Reasons for the classification "Sans suite".
DISMISSAL_REASONS = [
    "Projet professionnel hors secteur numérique",
    "Types d'entreprise souhaités hors secteur numérique",
    "Niveau de qualification inadapté aux dispositifs de l'association",
    "Pas ou plus d'intérêt pour les métiers du numérique",
    "Contraintes personnelles incompatibles avec les métiers du secteur",
    "Maîtrise insuffisante de la langue française",
    "Candidat ayant retrouvé un emploi",
    "Candidat absent à l'entretien conseil",
    "Autre raison",
]

# (code, name, definition) – recommended courses; definitions from seed 000.
TRAINING_COURSES = [
    (
        "apre1",
        "Préparation aux entretiens de recrutement",
        "Candidat quasiment employable au regard de ses compétences et de ses expériences dans un métier du "
        "secteur mais présentant des difficultés lors des entretiens ou ne sachant pas mettre en valeur ses atouts.",
    ),
    (
        "apre2",
        "Définition du projet professionnel",
        "Candidat potentiellement employable ou adaptable mais qui n'a pas défini clairement son projet "
        "professionnel ce qui nuit au bon déroulement d'un entretien de recrutement.",
    ),
    (
        "apre3",
        "Rafraîchissement des connaissances par la pratique",
        "Candidat quasiment employable au regard de ses compétences et de ses expériences dans un métier du "
        "secteur n'ayant pas pratiqué depuis quelque temps pouvant augmenter son niveau d'employabilité grâce à "
        "un rafraîchissement de ses connaissances techniques par la pratique.",
    ),
    (
        "apre4",
        "Acquisition de connaissances techniques complémentaires",
        "Candidat quasiment employable au regard de ses compétences et de ses expériences dans un métier du "
        "secteur pouvant augmenter son niveau d'employabilité en acquérant les bases de connaissances techniques "
        "complémentaires pour le métier pratiqué ciblé par sa recherche d'emploi.",
    ),
    (
        "apre5",
        "Français professionnel",
        "Candidat ne maîtrisant pas suffisamment la langue française pour occuper un poste dans le(s) métier(s) "
        "visé(s) par sa recherche d'emploi dans une entreprise du secteur numérique.",
    ),
    (
        "apre6",
        "Anglais technique",
        "Candidat ne maîtrisant pas suffisamment l'anglais technique pour occuper un poste dans le(s) métier(s) "
        "visé(s) par sa recherche d'emploi dans une entreprise du secteur numérique.",
    ),
    (
        "fis",
        "Formation Intensive Spécialisée",
        "Candidat ayant un niveau satisfaisant par rapport aux prérequis nécessaires au cursus de formation de "
        "spécialisation intensive (ou pouvant suivre une préparation préalable d'acquisition des prérequis de "
        "courte durée), et ayant une pratique minimale dans le métier visé (ou un niveau de formation initiale "
        "compatible avec le métier visé).",
    ),
    (
        "fgc",
        "Formation Généraliste Complémentaire",
        "Candidat ayant été formé à un métier du secteur mais à un niveau de qualification insuffisant (Bac+2) "
        "par rapport au niveau attendu par le secteur (Bac+3 à Bac+5), sans expérience professionnelle (ou très "
        "limitée), motivé pour compléter sa formation initiale ou reprendre des études.",
    ),
    (
        "fgi",
        "Formation Généraliste Initiale",
        "Candidat ayant les aptitudes pour l'apprentissage du métier ciblé (ayant eu ou non une initiation au "
        "numérique), avec un niveau de qualification inférieur au besoin du secteur (sans expérience "
        "professionnelle significative ou en reconversion professionnelle) et s'orientant (ou se réorientant) "
        "vers un métier du secteur.",
    ),
    (
        "itn",
        "Initiation aux Technologies du Numérique",
        "Candidat s'intéressant à un métier du secteur numérique voulant vérifier son appétence, sa motivation "
        "et/ou s'initier aux bases techniques en vue d'intégrer une formation.",
    ),
]

# (code, name) – statuses of a follow-up sheet (fiche SAR), computed from its result.
SAR_STATUSES = [
    ("etude-en-cours", "Etude en cours"),
    ("non-retenu", "Non retenu"),
    ("candidat-en-vivier", "Candidat en vivier"),
    ("formation-pre-recrutement", "Formation pré-recrutement"),
    ("action-adc-gestion-candidature", "Action ADC - gestion candidature"),
    ("recrutement-en-cours", "Recrutement en cours"),
    ("refus-du-candidat", "Refus du candidat"),
    ("recrute-periode-essai", "Recruté en période essai ou alternance"),
    ("recrute", "Recruté"),
    ("rupture-contrat", "Rupture contrat"),
    ("action-adc-3-mois", "Action ADC 3 mois"),
    ("action-adc-6-mois", "Action ADC 6 mois"),
    ("action-adc-9-mois", "Action ADC 9 mois"),
    ("action-adc-1-an", "Action ADC 1 an"),
    ("action-adc-2-ans", "Action ADC 2 ans"),
    ("non-employable", "Non employable"),
    ("indisponible", "Indisponible"),
    ("situation-a-verifier", "Situation à vérifier"),
]

# (code, name, status code, days before a mandatory update or None, flags) – DESIGN.md 3.3, row by row.
SAR_RESULTS = [
    ("aucun-etude-en-cours", "Aucun - étude de la candidature en cours", "etude-en-cours", 30, {}),
    ("profil-non-retenu", "Profil non retenu après étude fiche profil / CV", "non-retenu", None, {}),
    (
        "avis-reserve-apres-entretien",
        "Après entretien - Avis réservé car profil peu convaincant",
        "non-retenu",
        None,
        {},
    ),
    (
        "employable-pas-adapte-au-poste",
        "Après entretien - Profil employable, pas adapté au poste ou pas de poste à pourvoir",
        "non-retenu",
        None,
        {},
    ),
    (
        "profil-interessant-vivier",
        "Profil intéressant gardé en vivier pour un recrutement potentiel",
        "candidat-en-vivier",
        200,
        {},
    ),
    (
        "profil-vivier-formation",
        "Profil conservé en vivier pour formation pré-recrutement",
        "candidat-en-vivier",
        200,
        {},
    ),
    (
        "formation-individuelle-pre-recrutement",
        "Candidat en formation individuelle pré-recrutement (POEI, AFPR, ...)",
        "formation-pre-recrutement",
        180,
        {},
    ),
    ("adc-demande-inscription", "Action ADC - Demande d'inscription", "action-adc-gestion-candidature", None, {}),
    (
        "adc-periode-immersion",
        "Action ADC - choisi pour une période d'immersion en entreprise",
        "action-adc-gestion-candidature",
        None,
        {},
    ),
    (
        "proposition-sous-reserve-client",
        "Proposition sous réserve approbation client final",
        "recrutement-en-cours",
        30,
        {},
    ),
    ("proposition-en-cours", "Proposition en cours", "recrutement-en-cours", 30, {}),
    ("refus-proposition-candidat", "Refus de la proposition par le candidat", "refus-du-candidat", None, {}),
    ("recrutement", "Recrutement", "recrute-periode-essai", 250, {"requires_recruitment": True}),
    ("fis-3-mois", "En Formation Intensive Spécialisée sur 3 mois", "action-adc-3-mois", 100, {}),
    ("fis-6-mois", "En Formation Intensive Spécialisée sur 6 mois", "action-adc-6-mois", 190, {}),
    (
        "formation-prealable-bases-metier",
        "En formation préalable aux bases du métier sur 6 mois maxi",
        "action-adc-6-mois",
        190,
        {},
    ),
    (
        "formation-generaliste-6-mois",
        "En Formation Généraliste sur 6 mois (après formation aux bases du métier)",
        "action-adc-6-mois",
        190,
        {},
    ),
    ("formation-generaliste-9-mois", "En Formation Généraliste sur 9 mois", "action-adc-9-mois", 280, {}),
    ("formation-generaliste-1-an", "En Formation Généraliste sur 1 an", "action-adc-1-an", 370, {}),
    ("formation-generaliste-2-ans", "En Formation Généraliste sur 2 ans", "action-adc-2-ans", 740, {}),
    ("non-recrute-apres-adc", "Non recruté à l'issue d'une action ADC", "non-retenu", None, {}),
    (
        "profil-non-employable",
        "Après entretien - profil jugé non employable",
        "non-employable",
        None,
        {"requires_rejection_causes": True},
    ),
    ("candidat-indisponible", "Candidat indisponible (formation, ...)", "indisponible", None, {}),
    ("candidat-retrouve-emploi", "Candidat ayant retrouvé un emploi", "situation-a-verifier", None, {}),
    ("abandon-dossier", "Abandon du dossier", "non-retenu", None, {}),
]

# Results set by the quick actions of the pool's "Etudier" screen (DESIGN.md 3.3).
QUICK_ACTION_RESULTS = {
    "study_later": "aucun-etude-en-cours",
    "not_retained": "profil-non-retenu",
    "potential_recruitment": "profil-interessant-vivier",
    "pre_recruitment_training": "profil-vivier-formation",
}

REJECTION_CAUSES = [
    "Compétences insuffisantes",
    "Expérience insuffisante",
    "Manque de motivation",
    "Relationnel inadapté",
    "Mobilité géographique réduite",
    "Niveau de salaire trop élevé",
    "Projet personnel ou professionnel incompatible avec emploi dans le secteur",
    "Autre raison",
]

# (code, name, status code it imposes or None, ends_follow_up)
RECRUITMENT_STATES = [
    ("na", "N/A", None, False),
    ("periode-essai", "Période d'essai", None, False),
    ("recrutement-confirme", "Recrutement confirmé", "recrute", True),
    (
        "rupture-competences",
        "Rupture période essai ou recrutement non confirmé - compétences inadéquates",
        "rupture-contrat",
        True,
    ),
    (
        "rupture-comportement",
        "Rupture période essai ou recrutement non confirmé - comportement inadéquat",
        "rupture-contrat",
        True,
    ),
    (
        "rupture-contexte-economique",
        "Rupture période essai ou recrutement non confirmé - contexte économique",
        "rupture-contrat",
        True,
    ),
    ("demission-candidat", "Démission du candidat", "rupture-contrat", True),
]

# (code, name, requires_end_date)
CONTRACT_TYPES = [
    ("cdd", "CDD", True),
    ("cdi", "CDI", False),
    ("contrat-professionnalisation", "Contrat de professionnalisation", True),
    ("contrat-apprentissage", "Contrat d'apprentissage", True),
]
