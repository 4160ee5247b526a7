"""French news items about the association's life, for the demo (see news.demo).

Each item is (category slug, title, lead, paragraphs); `{placeholders}` are filled by news.demo with a
seeded random from VALUES, so that every run writes the same items.
"""

VALUES = {
    "town": ["Strasbourg", "Metz", "Reims", "Mulhouse", "Nancy", "Troyes", "Colmar", "Épinal"],
    "venue": [
        "la Maison de l'emploi",
        "la CCI Grand Est",
        "le Technopôle de Metz",
        "le campus numérique",
        "la médiathèque Malraux",
        "l'hôtel de Région",
    ],
    "count": ["12", "14", "16", "18", "21", "23"],
    "companies": ["15", "18", "22", "27", "31"],
    "people": ["60", "85", "110", "140", "170"],
    "weekday": ["mardi", "jeudi", "vendredi"],
    "month": ["janvier", "mars", "avril", "juin", "septembre", "octobre", "novembre"],
    "job": [
        "technicien support",
        "développeur web",
        "administrateur systèmes et réseaux",
        "technicien de proximité",
        "testeur logiciel",
        "analyste de données",
    ],
    "member": [
        "Cyberstep Lorraine",
        "Datavalor Champagne",
        "l'Académie du Code Grand Est",
        "l'Institut des Métiers Numériques de Reims",
        "Cap Insertion Marne",
    ],
}

ITEMS = [
    (
        "commission-aide-au-recrutement",
        "Retour sur la session de la commission à {town}",
        "{count} candidats présentés par les partenaires Emploi ont été reçus en entretien conseil par les "
        "recruteurs de la commission Aide aux Actions de Recrutement.",
        [
            "La session s'est tenue dans les locaux de {venue}. Chaque candidat a rencontré un recruteur "
            "conseil pendant trois quarts d'heure : parcours, compétences, projet professionnel et mobilité.",
            "Les dossiers classés Employable ou Adaptable seront publiés dans le vivier dans les prochains "
            "jours ; les chargés de recrutement des entreprises adhérentes en seront informés par courriel.",
            "Merci aux conseillers Emploi pour la qualité des dossiers transmis et aux recruteurs bénévoles "
            "pour leur disponibilité.",
        ],
    ),
    (
        "commission-aide-au-recrutement",
        "Calendrier des sessions du premier semestre",
        "Les dates des prochaines sessions de la commission sont connues : les partenaires Emploi peuvent "
        "dès maintenant préparer les dossiers de leurs candidats.",
        [
            "Une session aura lieu chaque mois, alternativement en Alsace, en Lorraine et en Champagne-Ardenne. "
            "Les dossiers doivent être au statut « Dossier complet à étudier » dix jours avant la session.",
            "Rappel : un dossier n'est présenté à la commission qu'avec le consentement signé du candidat.",
        ],
    ),
    (
        "commission-aide-au-recrutement",
        "Appel aux recruteurs conseil bénévoles",
        "La commission recherche des recruteurs expérimentés pour conduire les entretiens conseil.",
        [
            "Vous êtes chargé de recrutement, manager technique ou dirigeant d'une entreprise adhérente ? "
            "Donnez une demi-journée par trimestre pour recevoir des candidats et qualifier leur employabilité.",
            "Une courte formation à la grille d'analyse en cinq volets est proposée avant la première session, "
            "le {weekday} matin à {town}.",
        ],
    ),
    (
        "commission-aide-au-recrutement",
        "{count} nouveaux profils dans le vivier",
        "À l'issue de la dernière session, de nouveaux candidats classés Employable ou Adaptable sont "
        "consultables par les entreprises adhérentes.",
        [
            "Parmi eux, plusieurs profils de {job} disponibles immédiatement et des candidats sortant de "
            "formation qualifiante. Pensez à consulter le vivier depuis votre espace extranet.",
            "Chaque mise en relation fait l'objet d'une fiche de suivi : merci de la tenir à jour pour que la "
            "commission puisse mesurer les recrutements réalisés.",
        ],
    ),
    (
        "commission-aide-au-recrutement",
        "Bilan annuel : plus de {people} candidats reçus",
        "La commission Aide aux Actions de Recrutement publie le bilan de son activité de l'année écoulée.",
        [
            "Sur l'ensemble des candidats reçus, près de deux sur trois ont été classés Employable ou Adaptable. "
            "Les entreprises adhérentes ont ouvert une fiche de suivi pour la moitié d'entre eux.",
            "Les métiers les plus recherchés restent ceux de {job} et de développeur web ; la demande en "
            "cybersécurité progresse nettement.",
        ],
    ),
    (
        "evenement-public",
        "Job dating du numérique à {town}",
        "Rendez-vous le {weekday} 14 {month} pour rencontrer en quelques minutes des entreprises qui recrutent.",
        [
            "{companies} entreprises adhérentes présenteront leurs postes ouverts : support, développement, "
            "infrastructure, data. Apportez plusieurs exemplaires de votre CV.",
            "L'entrée est libre, sans inscription. Les conseillers des partenaires Emploi seront présents pour "
            "vous aider à préparer vos échanges.",
        ],
    ),
    (
        "evenement-public",
        "Forum « Les métiers du numérique recrutent »",
        "Une journée pour découvrir les métiers du numérique et les formations qui y mènent, à {venue} de {town}.",
        [
            "Au programme : démonstrations, ateliers CV et simulations d'entretien, témoignages de personnes "
            "reconverties dans le secteur.",
            "Les organismes de formation partenaires présenteront leurs parcours, dont la Formation Intensive "
            "Spécialisée ouverte aux demandeurs d'emploi.",
        ],
    ),
    (
        "evenement-public",
        "Retour en images sur la journée portes ouvertes",
        "Plus de {people} visiteurs ont découvert les entreprises et les formations du réseau.",
        [
            "Les visiteurs ont pu échanger avec les chargés de recrutement et s'essayer à la programmation lors "
            "d'ateliers d'initiation animés par des formateurs bénévoles.",
            "Rendez-vous l'an prochain pour une nouvelle édition, élargie aux métiers de la cybersécurité.",
        ],
    ),
    (
        "evenement-public",
        "Conférence : femmes et métiers du numérique",
        "Table ronde le {weekday} soir à {town} avec des professionnelles du secteur.",
        [
            "Développeuse, administratrice réseaux, cheffe de projet : quatre intervenantes racontent leur "
            "parcours et les obstacles qu'elles ont surmontés.",
            "La soirée se terminera par un temps d'échange informel avec les entreprises présentes.",
        ],
    ),
    (
        "evenement-public",
        "Atelier « Réussir son entretien de recrutement »",
        "Deux heures de mise en situation avec des recruteurs de l'association, ouvertes aux candidats du vivier.",
        [
            "Les participants préparent leur présentation en trois minutes et s'entraînent à répondre aux "
            "questions techniques les plus fréquentes.",
            "Inscription auprès de votre conseiller Emploi ; douze places par atelier.",
        ],
    ),
    (
        "vie-de-l-association",
        "Bienvenue à {member}",
        "Le bureau a validé l'adhésion de {member}, qui rejoint le réseau Numéric'Emploi Grand Est.",
        [
            "Ce nouvel adhérent participera aux prochaines sessions de la commission et pourra consulter le "
            "vivier des candidats qualifiés.",
            "Retrouvez sa présentation et ses coordonnées dans l'annuaire des adhérents.",
        ],
    ),
    (
        "vie-de-l-association",
        "Assemblée générale : les adhérents renouvellent le bureau",
        "L'assemblée générale annuelle s'est tenue à {town} en présence de {companies} structures adhérentes.",
        [
            "Le rapport d'activité et les comptes ont été approuvés à l'unanimité. Le bureau est reconduit et "
            "accueille deux nouveaux membres issus des partenaires Emploi.",
            "Les priorités de l'année : élargir le vivier aux métiers de la data et renforcer les formations "
            "pré-recrutement avec les entreprises.",
        ],
    ),
    (
        "vie-de-l-association",
        "Cotisations : la grille de l'année est en ligne",
        "La grille de cotisation, votée en assemblée générale, est consultable sur la page « Devenir adhérent ».",
        [
            "Elle reste calculée sur l'effectif salarié dans le Grand Est ; les entreprises adhérentes d'un "
            "organisme professionnel partenaire bénéficient toujours d'un tarif réduit.",
        ],
    ),
    (
        "vie-de-l-association",
        "Trois nouveaux adhérents ce trimestre",
        "Le réseau continue de s'étendre, notamment en Champagne-Ardenne.",
        [
            "Une ESN de {town}, un organisme de formation et une mission locale ont rejoint l'association ce "
            "trimestre. Ils sont présentés dans l'annuaire des adhérents.",
            "Vous connaissez une entreprise du numérique qui recrute ? Invitez-la à déposer sa demande "
            "d'adhésion en ligne.",
        ],
    ),
    (
        "vie-de-l-association",
        "Le numérique, un job ! : l'association présentée aux élus régionaux",
        "Le président a présenté les résultats de l'association lors d'une rencontre à {venue}.",
        [
            "Les échanges ont porté sur les besoins de recrutement des entreprises du secteur et sur le "
            "financement des formations pré-recrutement.",
            "Rendez-vous a été pris pour une visite d'une session de la commission.",
        ],
    ),
    (
        "commission-adaptation-des-competences",
        "Nouvelle Formation Intensive Spécialisée en {month}",
        "Une promotion de douze stagiaires démarre une formation de trois mois au métier de {job}.",
        [
            "Le parcours a été construit avec les entreprises qui recrutent à l'issue de la formation ; chaque "
            "stagiaire est accompagné par un tuteur en entreprise.",
            "Les candidats classés Adaptable par la commission sont prioritaires pour les prochaines sessions.",
        ],
    ),
    (
        "commission-adaptation-des-competences",
        "Besoins de formation : transmettez-les avant la fin du mois",
        "La commission Adaptation et Développement des Compétences prépare le programme du prochain semestre.",
        [
            "Les chargés de recrutement peuvent saisir leurs besoins depuis l'extranet : métiers, compétences "
            "visées, nombre de postes et date de démarrage souhaitée.",
            "Les besoins convergents de plusieurs entreprises peuvent donner lieu à une action collective.",
        ],
    ),
    (
        "commission-adaptation-des-competences",
        "Bilan des plans individuels ADC",
        "{count} candidats ont suivi un plan individuel d'adaptation des compétences cette année.",
        [
            "La plupart ont été recrutés par l'entreprise qui les avait proposés, à l'issue de leur période "
            "d'immersion.",
            "Les formations les plus suivies : anglais technique, préparation aux entretiens et remise à niveau "
            "sur les réseaux.",
        ],
    ),
    (
        "commission-adaptation-des-competences",
        "Partenariat renouvelé avec {member}",
        "La convention de formation pré-recrutement est reconduite pour deux ans.",
        [
            "Elle permet de proposer aux candidats du vivier des parcours courts, financés, adaptés aux postes "
            "ouverts dans les entreprises adhérentes.",
        ],
    ),
    (
        "processus-et-documentation",
        "Nouvelle version du formulaire de consentement",
        "Le formulaire que signent les candidats a été mis à jour : il précise la durée de conservation des données.",
        [
            "Les conseillers Emploi le trouvent dans l'extranet ; les consentements déjà recueillis restent valables.",
            "Le candidat peut toujours signer sur l'écran ou remettre un formulaire papier numérisé.",
        ],
    ),
    (
        "processus-et-documentation",
        "Fiches de suivi : pensez aux échéances",
        "Une fiche dont l'échéance est dépassée bloque la recherche dans le vivier : un rappel est envoyé "
        "quelques jours avant.",
        [
            "Mettre à jour une fiche prend une minute : choisissez le résultat de vos démarches et, en cas de "
            "recrutement, le type de contrat et sa date de début.",
        ],
    ),
    (
        "processus-et-documentation",
        "Le manuel du dossier de candidature est à jour",
        "Le guide à l'usage des conseillers Emploi décrit pas à pas la création d'un dossier.",
        [
            "Il détaille la vérification de l'unicité du dossier, le recueil du consentement et les pièces à "
            "joindre (CV, diplômes, justificatifs).",
            "Vos suggestions d'amélioration sont les bienvenues à l'adresse de la commission.",
        ],
    ),
    (
        "processus-et-documentation",
        "Comment exporter les statistiques de la commission",
        "Les pilotes de session peuvent exporter les chiffres de la période choisie dans un tableur.",
        [
            "Le fichier s'ouvre directement dans un tableur français : séparateur point-virgule, dates au "
            "format jour/mois/année.",
        ],
    ),
]

INTERNAL_ITEM = (
    "commission-aide-au-recrutement",
    "Calendrier de publication des dossiers des prochaines sessions",
    "Les dossiers examinés lors des prochaines sessions de la commission seront publiés dans le vivier aux "
    "dates indiquées ci-dessous. Information réservée aux utilisateurs de l'extranet.",
    [
        "Les dossiers sont publiés une semaine après chaque session, une fois le débriefing réalisé.",
        "Les chargés de recrutement reçoivent un courriel le jour de la publication.",
    ],
)
