"""The NEGE contact points of the employment partners (they receive the alerts of an area)."""

from django.conf import settings
from django.db import models

from portal.organisations.enums import CategoryCode

__all__ = ["ContactPoint"]


class ContactPoint(models.Model):
    """The NEGE contact point of an organisation for an employment area (receives the alerts)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisme",
        on_delete=models.CASCADE,
        related_name="contact_points",
        limit_choices_to={"category__code": CategoryCode.EMPLOYMENT_PARTNER},
    )
    employment_area = models.ForeignKey(
        "organisations.EmploymentArea", verbose_name="bassin d'emploi", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="point de contact", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "point de contact NEGE"
        verbose_name_plural = "points de contact NEGE"
        ordering = ["organisation__name", "employment_area__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "employment_area"],
                name="recruitment_contactpoint_unique",
                violation_error_message="Cet organisme a déjà un point de contact pour ce bassin d'emploi.",
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.employment_area} : {self.user}"
