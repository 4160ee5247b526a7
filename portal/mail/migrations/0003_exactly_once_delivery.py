"""Exactly-once delivery: a stable Message-ID per e-mail, a claim with a lease, the attempts' history,
the "sending" and "bounced" states and the permission to re-send."""

import django.db.models.deletion
from django.conf import settings
from django.core.mail import make_msgid
from django.db import migrations, models

import portal.mail.models


def give_message_ids(apps, schema_editor):
    OutgoingEmail = apps.get_model("mail", "OutgoingEmail")
    for email in OutgoingEmail.objects.filter(message_id__isnull=True).only("pk").iterator():
        OutgoingEmail.objects.filter(pk=email.pk).update(message_id=make_msgid(domain=settings.NEGE_EMAIL_DOMAIN))


class Migration(migrations.Migration):
    dependencies = [
        ("mail", "0002_outgoingemail_bcc"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="outgoingemail",
            options={
                "ordering": ["-created_at"],
                "permissions": [("resend_outgoingemail", "Peut renvoyer un courriel")],
                "verbose_name": "courriel",
                "verbose_name_plural": "courriels envoyés",
            },
        ),
        migrations.AddField(
            model_name="outgoingemail",
            name="claim_token",
            field=models.CharField(blank=True, editable=False, max_length=32, verbose_name="jeton d'envoi"),
        ),
        migrations.AddField(
            model_name="outgoingemail",
            name="claimed_until",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="envoi réservé jusqu'au"
            ),
        ),
        migrations.AddField(
            model_name="outgoingemail",
            name="message_id",
            field=models.CharField(editable=False, max_length=255, null=True, verbose_name="Message-ID"),
        ),
        migrations.RunPython(give_message_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outgoingemail",
            name="message_id",
            field=models.CharField(
                default=portal.mail.models.new_message_id,
                editable=False,
                max_length=255,
                unique=True,
                verbose_name="Message-ID",
            ),
        ),
        migrations.AlterField(
            model_name="outgoingemail",
            name="state",
            field=models.CharField(
                choices=[
                    ("queued", "En file d'attente"),
                    ("sending", "En cours d'envoi"),
                    ("sent", "Envoyé"),
                    ("retrying", "En échec, nouvel essai prévu"),
                    ("abandoned", "Abandonné"),
                    ("bounced", "Refusé par le serveur"),
                ],
                db_index=True,
                default="queued",
                max_length=20,
                verbose_name="état",
            ),
        ),
        migrations.CreateModel(
            name="OutgoingEmailAttempt",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("message_id", models.CharField(max_length=255, verbose_name="Message-ID")),
                ("started_at", models.DateTimeField(verbose_name="commencée le")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="terminée le")),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("pending", "En cours"),
                            ("sent", "Accepté par le serveur"),
                            ("failed", "Échec temporaire"),
                            ("refused", "Refus définitif"),
                        ],
                        default="pending",
                        max_length=20,
                        verbose_name="résultat",
                    ),
                ),
                ("error", models.TextField(blank=True, verbose_name="erreur")),
                (
                    "email",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="delivery_attempts",
                        to="mail.outgoingemail",
                    ),
                ),
            ],
            options={
                "verbose_name": "tentative d'envoi",
                "verbose_name_plural": "tentatives d'envoi",
                "ordering": ["started_at", "pk"],
            },
        ),
    ]
