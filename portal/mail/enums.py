from django.db import models


class EmailState(models.TextChoices):
    QUEUED = "queued", "En file d'attente"
    SENT = "sent", "Envoyé"
    RETRYING = "retrying", "En échec, nouvel essai prévu"
    ABANDONED = "abandoned", "Abandonné"
