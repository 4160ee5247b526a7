from django.db import models


class EmailState(models.TextChoices):
    QUEUED = "queued", "En file d'attente"
    SENDING = "sending", "En cours d'envoi"
    SENT = "sent", "Envoyé"
    RETRYING = "retrying", "En échec, nouvel essai prévu"
    ABANDONED = "abandoned", "Abandonné"
    BOUNCED = "bounced", "Refusé par le serveur"


class AttemptOutcome(models.TextChoices):
    PENDING = "pending", "En cours"
    SENT = "sent", "Accepté par le serveur"
    FAILED = "failed", "Échec temporaire"
    REFUSED = "refused", "Refus définitif"
