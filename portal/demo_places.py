"""Real towns of the Grand Est per employment area, for the fictitious demo data (addresses stay invented)."""

# Employment area name → [(town, postcode)].
TOWNS = {
    "Alsace / Bas-Rhin": [
        ("Strasbourg", "67000"),
        ("Schiltigheim", "67300"),
        ("Illkirch-Graffenstaden", "67400"),
        ("Haguenau", "67500"),
        ("Sélestat", "67600"),
        ("Saverne", "67700"),
        ("Molsheim", "67120"),
        ("Obernai", "67210"),
        ("Bischheim", "67800"),
        ("Lingolsheim", "67380"),
    ],
    "Alsace / Haut-Rhin": [
        ("Mulhouse", "68100"),
        ("Colmar", "68000"),
        ("Saint-Louis", "68300"),
        ("Guebwiller", "68500"),
        ("Wittenheim", "68270"),
        ("Rixheim", "68170"),
        ("Thann", "68800"),
    ],
    "Lorraine / Meurthe-et-Moselle": [
        ("Nancy", "54000"),
        ("Vandœuvre-lès-Nancy", "54500"),
        ("Lunéville", "54300"),
        ("Toul", "54200"),
        ("Villers-lès-Nancy", "54600"),
        ("Pont-à-Mousson", "54700"),
    ],
    "Lorraine / Meuse": [("Bar-le-Duc", "55000"), ("Verdun", "55100"), ("Commercy", "55200")],
    "Lorraine / Moselle": [
        ("Metz", "57000"),
        ("Thionville", "57100"),
        ("Forbach", "57600"),
        ("Sarreguemines", "57200"),
        ("Montigny-lès-Metz", "57950"),
        ("Yutz", "57970"),
        ("Saint-Avold", "57500"),
    ],
    "Lorraine / Vosges": [("Épinal", "88000"), ("Saint-Dié-des-Vosges", "88100"), ("Remiremont", "88200")],
    "Champagne-Ardenne / Ardennes": [("Charleville-Mézières", "08000"), ("Sedan", "08200"), ("Rethel", "08300")],
    "Champagne-Ardenne / Aube": [
        ("Troyes", "10000"),
        ("Romilly-sur-Seine", "10100"),
        ("La Chapelle-Saint-Luc", "10600"),
    ],
    "Champagne-Ardenne / Marne": [
        ("Reims", "51100"),
        ("Châlons-en-Champagne", "51000"),
        ("Épernay", "51200"),
        ("Vitry-le-François", "51300"),
    ],
    "Champagne-Ardenne / Haute-Marne": [("Chaumont", "52000"), ("Saint-Dizier", "52100"), ("Langres", "52200")],
    "Territoire de Belfort / Territoire de Belfort": [("Belfort", "90000"), ("Delle", "90100")],
}

ALL_TOWNS = [town for towns in TOWNS.values() for town in towns]

STREETS = [
    "rue du Général de Gaulle",
    "rue de la Gare",
    "avenue de la Liberté",
    "rue des Vosges",
    "rue du Maréchal Foch",
    "place de la République",
    "rue Pasteur",
    "rue Victor Hugo",
    "rue des Tilleuls",
    "allée des Peupliers",
    "rue du Moulin",
    "rue de l'Église",
    "boulevard Clemenceau",
    "rue des Jardins",
    "impasse des Vignes",
    "rue Jean Jaurès",
]


def towns_of(area_name):
    """The towns of an employment area (every town of the region for an unknown area)."""
    return TOWNS.get(area_name) or ALL_TOWNS


# Department code → employment area name (the towns of a head office).
DEPARTMENT_AREAS = {
    "67": "Alsace / Bas-Rhin",
    "68": "Alsace / Haut-Rhin",
    "54": "Lorraine / Meurthe-et-Moselle",
    "55": "Lorraine / Meuse",
    "57": "Lorraine / Moselle",
    "88": "Lorraine / Vosges",
    "08": "Champagne-Ardenne / Ardennes",
    "10": "Champagne-Ardenne / Aube",
    "51": "Champagne-Ardenne / Marne",
    "52": "Champagne-Ardenne / Haute-Marne",
    "90": "Territoire de Belfort / Territoire de Belfort",
}


def town_in_department(code, rng):
    """A (town, postcode) of the department `code`, the first (its main town) when `rng` is None."""
    towns = towns_of(DEPARTMENT_AREAS.get(code, ""))
    return towns[0] if rng is None else rng.choice(towns)
