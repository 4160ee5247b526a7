from portal.organisations.enums import CategoryCode

CATEGORIES = [(code.value, code.label) for code in CategoryCode]

COMPANY_TYPES = [
    "N/A",
    "StartUp",
    "TPE : 1-9 personnes",
    "PME : 10-250 personnes",
    "ETI : 251-5000 personnes",
    "Grande entreprise",
    "Organisme public",
]

ACTIVITIES = [
    "Éditeur de logiciel, plateforme SaaS",
    "ESN - Agence Web",
    "ESN - Conseils et services Infrastructures",
    "ESN - Conseils et Services Logiciels",
    "ESN - Conseils et Services Métier",
    "Société d'Ingénierie et de Conseils en technologies (informatique embarquée)",
    "Cabinet de recrutement",
    "Direction interne du Système d'Information / de la Transformation numérique",
]
