from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="user",
            options={
                "ordering": ["last_name", "first_name"],
                "permissions": [
                    ("manage_site_content", "Gérer le contenu du site (pages, images, documents)"),
                    ("view_technical_menus", "Voir les menus techniques (aide, rapports)"),
                ],
                "verbose_name": "utilisateur",
                "verbose_name_plural": "utilisateurs",
            },
        ),
    ]
