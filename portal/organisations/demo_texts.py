"""What each demo organisation says about itself in the directory (French, fictitious)."""

DETAILS = {
    "company-a": "Fondée à Strasbourg en 2009, l'entreprise compte une soixantaine de collaborateurs : "
    "développeurs, chefs de projet et techniciens d'infogérance. Elle recrute chaque année des profils "
    "juniors qu'elle forme en interne et participe régulièrement aux sessions de la commission.",
    "company-b": "Petite équipe de développeurs installée à Mulhouse, elle édite des logiciels de gestion "
    "pour les artisans et les commerçants. Elle accueille volontiers des personnes en reconversion.",
    "company-c": "Jeune pousse nancéienne spécialisée dans l'audit de sécurité et la supervision des "
    "systèmes, elle accompagne les collectivités et les PME de Lorraine.",
    "company-d": "Acteur régional de la donnée, l'entreprise conçoit des entrepôts de données et des "
    "tableaux de bord pour l'industrie et la viticulture. Elle dispose d'agences à Reims, Troyes et "
    "Charleville-Mézières.",
    "partner-a": "L'agence reçoit les demandeurs d'emploi de Strasbourg Centre. Ses conseillers présentent "
    "chaque mois des candidats à la commission et animent des informations collectives sur les métiers du "
    "numérique.",
    "partner-b": "La mission locale accompagne les jeunes de 16 à 25 ans du Pays Messin vers l'emploi et la "
    "formation, en lien étroit avec les entreprises du territoire.",
    "partner-c": "Association d'insertion implantée à Reims et à Châlons-en-Champagne, elle accompagne les "
    "bénéficiaires du RSA dans leur retour à l'emploi.",
    "training-a": "Organisme de formation aux métiers du développement et du support, l'Académie propose "
    "des parcours intensifs de trois à neuf mois, construits avec les entreprises qui recrutent.",
    "training-b": "L'institut prépare aux titres professionnels de technicien d'assistance informatique et "
    "d'administrateur d'infrastructures sécurisées, en formation continue et en alternance.",
    "support-a": "La fondation finance des actions de formation et d'accompagnement en faveur de l'emploi "
    "dans le numérique, en particulier dans les territoires ruraux.",
    "professional-a": "Le syndicat regroupe plus de cent entreprises du numérique d'Alsace et de Lorraine "
    "et porte leur voix auprès de la Région et des services de l'État.",
    "professional-b": "Le cluster anime un réseau d'entreprises, de laboratoires et d'écoles autour de "
    "projets collaboratifs et de l'attractivité des métiers du numérique.",
}
