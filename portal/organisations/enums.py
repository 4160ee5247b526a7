from django.db import models


class CategoryCode(models.TextChoices):
    """Stable codes of the organisation categories (the labels are editable data)."""

    COMPANY = "company", "Entreprise"
    EMPLOYMENT_PARTNER = "employment_partner", "Partenaire emploi"
    TRAINING_PARTNER = "training_partner", "Partenaire formation"
    SUPPORT_PARTNER = "support_partner", "Partenaire soutien"
    PROFESSIONAL_BODY = "professional_body", "Organisation professionnelle"


class MembershipState(models.TextChoices):
    PENDING = "pending", "En attente de décision"
    ACCEPTED = "accepted", "Adhérent"
    REFUSED = "refused", "Refusé"
    SUSPENDED = "suspended", "Suspendu"
