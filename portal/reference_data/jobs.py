"""Job families and their jobs (métiers) of the digital sector (seeds 000 and 001).

Jobs cited in the manuals' examples keep their spelling.
"""

# (family, [jobs])
JOB_FAMILIES = [
    (
        "Conseil et maîtrise d'ouvrage",
        [
            "Consultant métier",
            "Analyste fonctionnel",
            "Consultant ERP / CRM",
            "Assistant à maîtrise d'ouvrage (AMOA)",
            "Business analyst",
            "Product owner",
        ],
    ),
    (
        "Management de projet",
        [
            "Chef de projet",
            "Manager de Projet",
            "Directeur de projet",
            "Scrum master",
            "Responsable « Business Unit »",
            "PMO (assistant de gestion de projet)",
        ],
    ),
    (
        "Études et développement",
        [
            "Développeur",
            "Développeur web",
            "Développeur mobile",
            "Développeur full stack",
            "Intégrateur web",
            "Analyste programmeur",
            "Concepteur développeur",
            "Architecte logiciel",
            "Paramétreur de progiciel",
        ],
    ),
    (
        "Test et qualité logicielle",
        [
            "Testeur",
            "Ingénieur test et validation",
            "Ingénieur qualité logicielle",
            "Automaticien de tests",
        ],
    ),
    (
        "Production technique",
        [
            "Administrateur Système / Réseaux",
            "Administrateur d'infrastructure",
            "Administrateur de bases de données",
            "Architecte infrastructure",
            "Ingénieur DevOps",
            "Ingénieur cloud",
            "Technicien d'exploitation",
            "Pilote d'exploitation",
            "Ingénieur réseaux et télécoms",
        ],
    ),
    (
        "Support et assistance",
        [
            "Conseiller hotline",
            "Technicien support",
            "Technicien assistance sur site",
            "Technicien de maintenance",
            "Technicien helpdesk",
            "Responsable Service Desk",
            "Gestionnaire de parc informatique",
        ],
    ),
    (
        "Sécurité",
        [
            "Analyste SOC",
            "Ingénieur sécurité",
            "Auditeur / pentesteur",
            "Responsable de la sécurité des systèmes d'information (RSSI)",
        ],
    ),
    (
        "Data",
        [
            "Data analyst",
            "Data engineer",
            "Data scientist",
            "Consultant décisionnel (BI)",
            "Architecte de données",
        ],
    ),
    (
        "Design et expérience utilisateur",
        [
            "Web designer",
            "Designer UX / UI",
            "Graphiste multimédia",
            "Chargé de référencement (SEO)",
        ],
    ),
    (
        "Informatique technique",
        [
            "Développeur logiciel embarqué",
            "Ingénieur systèmes embarqués",
            "Automaticien",
            "Technicien informatique industrielle",
        ],
    ),
    (
        "Commercial et relation client",
        [
            "Ingénieur commercial",
            "Ingénieur avant-vente",
            "Chargé d'affaires",
            "Technico-commercial",
        ],
    ),
    (
        "Formation et accompagnement",
        [
            "Formateur en informatique",
            "Médiateur numérique",
            "Assistant utilisateurs",
        ],
    ),
]
