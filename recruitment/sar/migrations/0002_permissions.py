import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sar", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="followupsheet",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [
                    (
                        "search_pool",
                        "Rechercher dans le vivier et mettre des candidats dans le portefeuille de son entreprise",
                    ),
                    ("view_all_followupsheets", "Voir les fiches de suivi de toutes les entreprises"),
                ],
                "verbose_name": "fiche de suivi SAR",
                "verbose_name_plural": "fiches de suivi SAR",
            },
        ),
        migrations.AlterModelOptions(
            name="trainingneed",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [
                    ("view_all_trainingneeds", "Voir les besoins de formation de toutes les entreprises"),
                    ("process_trainingneed", "Faire avancer les besoins de formation (prise en charge, clôture)"),
                    ("receive_trainingneed", "Recevoir les besoins de formation soumis par les entreprises"),
                ],
                "verbose_name": "besoin de formation en pré-recrutement",
                "verbose_name_plural": "besoins de formation en pré-recrutement",
            },
        ),
        migrations.AlterField(
            model_name="trainingneed",
            name="headcount",
            field=models.PositiveSmallIntegerField(
                default=1,
                validators=[django.core.validators.MinValueValidator(1, "Indiquez au moins une personne.")],
                verbose_name="nombre de personnes",
            ),
        ),
    ]
