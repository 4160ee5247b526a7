"""Reference lists of the recruitment extranet (admin-editable, seeded by `load_reference`)."""

from django.db import models

from portal.reference import ReferenceItem

__all__ = [
    "ApplicationChannel",
    "BehaviourCategory",
    "BehaviourTrait",
    "ContractType",
    "DismissalReason",
    "DossierStatus",
    "ExperienceBand",
    "Job",
    "JobFamily",
    "MobilityFrequency",
    "MobilityZone",
    "RecruitmentState",
    "RejectionCause",
    "SalaryBand",
    "SarResult",
    "SarStatus",
    "SearchContext",
    "Situation",
    "Skill",
    "SkillTheme",
    "StudyLevel",
    "TrainingCourse",
]


class CodedItem(ReferenceItem):
    """A reference entry that business rules refer to by a stable code."""

    code = models.SlugField("code", max_length=60, unique=True)

    class Meta(ReferenceItem.Meta):
        abstract = True


class Situation(CodedItem):
    is_temporary = models.BooleanField(
        "temporaire", default=False, help_text="Une date de fin prévue est demandée (CDD, formation, indisponibilité)."
    )

    class Meta(CodedItem.Meta):
        verbose_name = "situation"
        verbose_name_plural = "situations"


class DossierStatus(CodedItem):
    adviser_may_set = models.BooleanField(
        "modifiable par un Référent Emploi", default=False, help_text="Sinon, seul le statut de la commission."
    )

    class Meta(CodedItem.Meta):
        verbose_name = "statut de dossier"
        verbose_name_plural = "statuts de dossier"


class StudyLevel(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "niveau d'études"
        verbose_name_plural = "niveaux d'études"


class ExperienceBand(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "tranche d'expérience"
        verbose_name_plural = "tranches d'expérience"


class SalaryBand(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "tranche de salaire"
        verbose_name_plural = "tranches de salaire"


class SkillTheme(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "thème de compétence"
        verbose_name_plural = "thèmes de compétence"


class Skill(ReferenceItem):
    theme = models.ForeignKey(SkillTheme, verbose_name="thème", on_delete=models.PROTECT, related_name="skills")

    class Meta(ReferenceItem.Meta):
        verbose_name = "savoir-faire"
        verbose_name_plural = "savoir-faire"
        ordering = ["theme__order", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["theme", "name"], name="recruitment_skill_unique_in_theme")]


class JobFamily(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "famille métier"
        verbose_name_plural = "familles métier"


class Job(ReferenceItem):
    family = models.ForeignKey(JobFamily, verbose_name="famille métier", on_delete=models.PROTECT, related_name="jobs")

    class Meta(ReferenceItem.Meta):
        verbose_name = "métier"
        verbose_name_plural = "métiers"
        ordering = ["family__order", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["family", "name"], name="recruitment_job_unique_in_family")]


class BehaviourCategory(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "catégorie de comportement"
        verbose_name_plural = "catégories de comportement"


class BehaviourTrait(ReferenceItem):
    category = models.ForeignKey(
        BehaviourCategory, verbose_name="catégorie", on_delete=models.PROTECT, related_name="traits"
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "trait de comportement"
        verbose_name_plural = "référentiel comportemental"
        ordering = ["category__order", "order", "name"]


class MobilityZone(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "zone de mobilité"
        verbose_name_plural = "zones de mobilité"


class MobilityFrequency(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "fréquence de mobilité"
        verbose_name_plural = "fréquences de mobilité"


class ApplicationChannel(CodedItem):
    class Meta(CodedItem.Meta):
        verbose_name = "canal de candidature"
        verbose_name_plural = "canaux de candidature"


class SearchContext(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "contexte de recherche d'emploi"
        verbose_name_plural = "contextes de recherche d'emploi"


class DismissalReason(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "motif « Sans suite »"
        verbose_name_plural = "motifs « Sans suite »"


class TrainingCourse(CodedItem):
    definition = models.TextField("définition", blank=True)

    class Meta(CodedItem.Meta):
        verbose_name = "formation"
        verbose_name_plural = "formations (préconisations)"

    def __str__(self):
        return f"{self.code.upper()} – {self.name}"


class SarStatus(CodedItem):
    class Meta(CodedItem.Meta):
        verbose_name = "statut de fiche SAR"
        verbose_name_plural = "statuts de fiche SAR"


class SarResult(CodedItem):
    """A result of a follow-up sheet: it sets the sheet's status and the days before the next update."""

    status = models.ForeignKey(SarStatus, verbose_name="statut", on_delete=models.PROTECT, related_name="results")
    days_before_update = models.PositiveIntegerField(
        "jours avant mise à jour obligatoire", null=True, blank=True, help_text="Vide : pas d'échéance."
    )
    requires_rejection_causes = models.BooleanField("causes de rejet obligatoires", default=False)
    requires_recruitment = models.BooleanField("volet « Suivi recrutement » obligatoire", default=False)

    class Meta(CodedItem.Meta):
        verbose_name = "résultat de fiche SAR"
        verbose_name_plural = "résultats de fiche SAR"


class RejectionCause(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "cause de rejet"
        verbose_name_plural = "causes de rejet"


class RecruitmentState(CodedItem):
    """State of a recruitment; some states override the sheet's status (Recruté, Rupture contrat)."""

    sets_status = models.ForeignKey(
        SarStatus,
        verbose_name="statut imposé",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Vide : le statut du résultat s'applique.",
    )
    ends_follow_up = models.BooleanField("met fin à l'échéance", default=False)

    class Meta(CodedItem.Meta):
        verbose_name = "état du recrutement"
        verbose_name_plural = "états du recrutement"


class ContractType(CodedItem):
    requires_end_date = models.BooleanField("date de fin obligatoire", default=False)

    class Meta(CodedItem.Meta):
        verbose_name = "type de contrat"
        verbose_name_plural = "types de contrat"
