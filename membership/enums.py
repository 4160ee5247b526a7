from django.db import models


class Sector(models.TextChoices):
    """The two fee grids: organisations of the digital sector, and the others."""

    DIGITAL = "digital", "Organisme du secteur numérique"
    NON_DIGITAL = "non_digital", "Organisme hors secteur numérique"


class ApplicationState(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    PENDING = "pending", "En attente de décision"
    ACCEPTED = "accepted", "Acceptée"
    REFUSED = "refused", "Refusée"


class Decision(models.TextChoices):
    ACCEPT = "accept", "Accepter la demande"
    REFUSE = "refuse", "Refuser la demande"


class AccountRequestState(models.TextChoices):
    PENDING = "pending", "En attente"
    APPROVED = "approved", "Acceptée"
    REFUSED = "refused", "Refusée"
