"""The pool search's read model: each candidate's latest completed analysis (derived data)."""

from django.db import models

from ..enums import MasteryLevel
from .sessions import Analysis


class EmployabilityProfile(models.Model):
    """A candidate's employability view as the pool search reads it: their latest completed analysis.

    Derived data, rebuilt by `recruitment.commission.profiles.refresh_profiles()` whenever an analysis,
    its skills or its session change: filtering some 30 000 pooled candidates then reads two narrow,
    indexed tables instead of joining every analysis and every assessed skill.
    """

    candidate = models.OneToOneField(
        "recruitment.Candidate",
        verbose_name="dossier",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="employability_profile",
    )
    analysis = models.OneToOneField(
        Analysis, verbose_name="analyse", on_delete=models.CASCADE, related_name="employability_profile"
    )
    study_level = models.ForeignKey(
        "recruitment.StudyLevel",
        verbose_name="niveau le plus élevé avec diplôme",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    digital_experience = models.ForeignKey(
        "recruitment.ExperienceBand",
        verbose_name="années d'expérience dans un métier du numérique",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "profil d'employabilité"
        verbose_name_plural = "profils d'employabilité"

    def __str__(self):
        return str(self.analysis)


class ProfileSkill(models.Model):
    """A skill of a candidate's employability profile, at the level the commission assessed."""

    profile = models.ForeignKey(
        EmployabilityProfile, verbose_name="profil", on_delete=models.CASCADE, related_name="skills"
    )
    skill = models.ForeignKey("recruitment.Skill", verbose_name="savoir-faire", on_delete=models.PROTECT)
    level = models.CharField("niveau de maîtrise", max_length=20, choices=MasteryLevel.choices)

    class Meta:
        verbose_name = "savoir-faire du profil"
        verbose_name_plural = "savoir-faire des profils"
        constraints = [models.UniqueConstraint(fields=["profile", "skill"], name="commission_profile_skill_once")]
        # Covers the pool's "theme / mastery level" filter: an index-only scan yields the candidates.
        indexes = [models.Index(fields=["skill", "level", "profile"], name="commission_profskill_search")]

    def __str__(self):
        return f"{self.skill} – {self.get_level_display()}"
