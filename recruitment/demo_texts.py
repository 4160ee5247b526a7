"""French sentences the demo dossiers are written with (combined by a seeded random, see recruitment.demo)."""

WISHES = [
    "Souhaite retrouver un poste de technicien support dans une entreprise à taille humaine, proche de son domicile.",
    "Aimerait évoluer vers le développement web après plusieurs années dans la maintenance informatique.",
    "Recherche un premier emploi de développeur après sa formation ; intéressé par les projets en équipe.",
    "Souhaite se reconvertir dans l'administration des systèmes et réseaux après quinze ans dans la logistique.",
    "Motivé par la cybersécurité ; prêt à suivre une formation complémentaire avant un recrutement.",
    "Recherche un poste de chef de projet numérique, idéalement dans une ESN de la région.",
    "Souhaite travailler dans la data (analyse, tableaux de bord) en s'appuyant sur son expérience de gestionnaire.",
    "Aimerait rejoindre une équipe produit en tant que testeur ou recetteur logiciel.",
    "Recherche un emploi à temps partiel compatible avec la garde de ses enfants, télétravail partiel apprécié.",
    "Intéressée par le métier d'intégrateur web ; réalise déjà des sites pour des associations locales.",
    "Souhaite un poste de technicien de proximité avec des déplacements limités au département.",
    "Veut mettre à profit son expérience de la relation client dans un poste de support applicatif.",
]

OTHER_INFORMATION = [
    "Permis B et véhicule personnel.",
    "Disponible immédiatement.",
    "Titulaire d'une reconnaissance de la qualité de travailleur handicapé (RQTH).",
    "A suivi un MOOC de sensibilisation à la cybersécurité (ANSSI).",
    "Parle couramment allemand ; anglais technique lu.",
    "Préavis d'un mois à prévoir.",
    "",
    "",
]

STATUS_NOTES = {
    "constitution-dossier": "Dossier en cours de constitution : CV à jour attendu.",
    "candidature-suspendue": "Candidature suspendue à la demande du candidat pendant son indisponibilité.",
    "dossier-incomplet": "Renvoyé par la commission : préciser les expériences récentes et joindre le CV à jour.",
}
