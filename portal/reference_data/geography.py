TERRITORIES = ["Alsace", "Lorraine", "Champagne-Ardenne", "Territoire de Belfort"]

# (code, name, territory)
DEPARTMENTS = [
    ("67", "Bas-Rhin", "Alsace"),
    ("68", "Haut-Rhin", "Alsace"),
    ("54", "Meurthe-et-Moselle", "Lorraine"),
    ("55", "Meuse", "Lorraine"),
    ("57", "Moselle", "Lorraine"),
    ("88", "Vosges", "Lorraine"),
    ("08", "Ardennes", "Champagne-Ardenne"),
    ("10", "Aube", "Champagne-Ardenne"),
    ("51", "Marne", "Champagne-Ardenne"),
    ("52", "Haute-Marne", "Champagne-Ardenne"),
    ("90", "Territoire de Belfort", "Territoire de Belfort"),
]
