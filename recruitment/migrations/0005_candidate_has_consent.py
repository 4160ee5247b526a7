"""Candidate.has_consent mirrors the consent, so that the pool's partial index includes it."""

from django.conf import settings
from django.db import migrations, models


def mark_consents(apps, schema_editor):
    Candidate = apps.get_model("recruitment", "Candidate")
    Consent = apps.get_model("recruitment", "Consent")
    Candidate.objects.filter(pk__in=Consent.objects.values("candidate_id")).update(has_consent=True)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("recruitment", "0004_candidate_pool_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="candidate",
            name="recruitment_cand_pool",
        ),
        migrations.AddField(
            model_name="candidate",
            name="has_consent",
            field=models.BooleanField(default=False, editable=False, verbose_name="consentement recueilli"),
        ),
        migrations.RunPython(mark_consents, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="candidate",
            index=models.Index(
                condition=models.Q(
                    ("anonymised_at__isnull", True),
                    ("classification__in", ["employable", "adaptable"]),
                    ("has_consent", True),
                ),
                fields=["-classified_on", "-id"],
                include=["employment_area", "situation_date", "last_name", "first_name"],
                name="recruitment_cand_pool",
            ),
        ),
    ]
