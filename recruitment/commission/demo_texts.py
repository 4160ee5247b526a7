"""French wording of the demo analyses, by the classification the advisory recruiter proposes."""

from .enums import Classification

# Places of the demo sessions: (place, territory name). A session at one of these places is a demo one.
PLACES = [
    ("Strasbourg – Maison de l'emploi, salle Kléber", "Alsace"),
    ("Metz – Technopôle, salle Pilâtre de Rozier", "Lorraine"),
    ("Reims – Pôle numérique, salle Saint-Remi", "Champagne-Ardenne"),
    ("Mulhouse – Maison de l'entreprise, salle du Rhin", "Alsace"),
    ("Nancy – Maison de la formation, salle Stanislas", "Lorraine"),
]

# Scale values (competence, behaviour, experience, qualification, project) the recruiter tends to give.
SCALE_RANGES = {
    Classification.EMPLOYABLE: (4, 6),
    Classification.ADAPTABLE: (3, 5),
    Classification.UNDETERMINED: (2, 4),
    Classification.DISMISSED: (1, 3),
}

CV_OPINIONS = {
    Classification.EMPLOYABLE: [
        "CV clair et bien structuré, expériences techniques détaillées avec les outils utilisés.",
        "Parcours cohérent, réalisations concrètes mises en avant ; à adapter légèrement selon les offres.",
        "Bon CV, compétences bien identifiées ; ajouter un lien vers les projets personnels.",
    ],
    Classification.ADAPTABLE: [
        "CV lisible mais trop centré sur les emplois hors numérique : valoriser la formation récente.",
        "Expériences transférables intéressantes, compétences techniques encore peu décrites.",
        "CV à retravailler : la rubrique compétences mélange outils bureautiques et langages.",
    ],
    Classification.UNDETERMINED: [
        "CV incomplet : périodes sans emploi non expliquées, compétences difficiles à situer.",
        "Informations contradictoires entre le CV et le dossier ; à revoir avec le conseiller Emploi.",
    ],
    Classification.DISMISSED: [
        "CV sans lien avec les métiers du numérique, projet à construire avant tout accompagnement.",
        "Peu d'éléments sur les expériences ; pas d'appétence technique perceptible.",
    ],
}

INTERVIEW_OPINIONS = {
    Classification.EMPLOYABLE: [
        "Entretien très positif : candidat motivé, à l'aise à l'oral, explique bien ses choix techniques.",
        "Bonne présentation, questions pertinentes sur les métiers ; prêt pour des entretiens en entreprise.",
        "Échange constructif, bonne capacité d'analyse des situations de support proposées.",
    ],
    Classification.ADAPTABLE: [
        "Candidate motivée et curieuse, bases solides mais manque de pratique récente.",
        "Entretien agréable ; le candidat connaît ses points faibles et accepte une formation courte.",
        "Bonne volonté évidente, connaissances à consolider sur les réseaux et la sécurité.",
    ],
    Classification.UNDETERMINED: [
        "Entretien écourté, projet encore flou : à rediscuter lors du débriefing.",
        "Avis partagé entre les recruteurs : compétences réelles mais disponibilité incertaine.",
    ],
    Classification.DISMISSED: [
        "Le candidat ne souhaite finalement pas s'orienter vers le numérique.",
        "Contraintes actuelles incompatibles avec une reprise d'emploi à court terme.",
    ],
}

ADVICE = [
    "Préparer deux ou trois exemples concrets de réalisations à présenter en entretien.",
    "Mettre à jour le profil sur les sites d'emploi et y reprendre les mots-clés des offres visées.",
    "Participer au prochain job dating de l'association pour rencontrer les entreprises adhérentes.",
    "Suivre l'atelier de préparation aux entretiens proposé par le partenaire Emploi.",
    "Constituer un portfolio en ligne de ses projets personnels.",
]

TRAINING_COMMENTS = [
    "Intérêt marqué pour le développement web (JavaScript, PHP).",
    "Souhaite approfondir l'administration Linux et la virtualisation.",
    "Attiré par la cybersécurité et le cloud ; bon niveau d'anglais technique.",
    "Intéressée par l'analyse de données et les outils de visualisation.",
    "Aimerait se perfectionner en support utilisateurs et outils ITSM.",
]

DIPLOMAS = [
    "BTS SIO",
    "DUT Informatique",
    "Licence professionnelle Métiers de l'informatique",
    "Titre professionnel TSSR",
    "",
]

INTERNAL_NOTES = [
    "Candidat recommandé par le partenaire Emploi ; à suivre après la publication.",
    "Disponibilité à confirmer avant toute mise en relation.",
    "",
]
