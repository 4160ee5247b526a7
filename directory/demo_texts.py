"""Names and presentations of the extra demo member companies (French, fictitious), see directory.demo."""

NAMES = [
    "Cigogne Logiciels",
    "Mirabelle Analytics",
    "Trois Frontières Systèmes",
    "Kléber Développement",
    "Ardennes Réseaux Services",
    "Stanislas Data",
    "Vosges Infogérance",
    "Marne Web Studio",
    "Rhin Sécurité Numérique",
    "Champlogic",
    "Moselle Connect",
    "Houblon Informatique",
    "Belfort Cloud Solutions",
    "Troyes Code Factory",
    "Meuse Télématique",
    "Grès Rose Digital",
    "Sarre Support Informatique",
    "Thur Applications",
    "Plateau Lorrain Numérique",
    "Côte des Bar Développement",
    "Ill Infrastructures",
    "Argonne Data Conseil",
    "Sundgau Web",
    "Orne Cybersécurité",
]

ACTIVITIES = [
    "conçoit des applications web et mobiles pour les collectivités et les PME",
    "assure l'infogérance et la maintenance des parcs informatiques de ses clients",
    "accompagne les entreprises industrielles dans l'exploitation de leurs données",
    "protège les systèmes d'information de ses clients : audit, supervision, réponse aux incidents",
    "édite un logiciel de gestion utilisé par plusieurs centaines de commerces",
    "déploie et administre des infrastructures réseau et cloud",
    "réalise des sites internet et des boutiques en ligne pour les artisans",
    "développe des solutions de traçabilité pour l'agroalimentaire et la viticulture",
]

TEAMS = [
    "Son équipe d'une dizaine de personnes travaille en méthode agile, au plus près des utilisateurs.",
    "Elle compte une trentaine de collaborateurs répartis entre le siège et deux agences.",
    "Ses techniciens interviennent sur site dans tout le département et assurent une assistance à distance.",
    "L'entreprise forme en interne ses nouveaux arrivants et favorise le télétravail partiel.",
]

RECRUITMENT = [
    "Elle recrute régulièrement des techniciens support et des développeurs juniors.",
    "Elle accueille des stagiaires et des alternants chaque année.",
    "Elle est ouverte aux profils en reconversion, accompagnés par un tuteur.",
    "Elle recherche des administrateurs systèmes et réseaux pour accompagner sa croissance.",
]


def presentation(name, town, rng):
    """Three sentences about the company, drawn with `rng` (HTML paragraphs)."""
    return (
        f"<p>Installée à {town}, {name} {rng.choice(ACTIVITIES)}. {rng.choice(TEAMS)}</p>"
        f"<p>{rng.choice(RECRUITMENT)}</p>"
    )
