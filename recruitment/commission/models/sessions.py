"""Commission sessions and the per-dossier analyses (five panels, assessed skills, mobility)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from portal.organisations.enums import CategoryCode

from .. import rules
from ..enums import (
    AnalysisState,
    BehaviourOpinion,
    Classification,
    CompetenceOpinion,
    ExperienceOpinion,
    MasteryLevel,
    ProjectOpinion,
    QualificationOpinion,
)

YES_NO = [(True, "Oui"), (False, "Non")]


def holders_of(codename):
    """Users holding the permission `commission.<codename>`, through a group or directly (never group names)."""
    return Q(groups__permissions__codename=codename, groups__permissions__content_type__app_label="commission") | Q(
        user_permissions__codename=codename, user_permissions__content_type__app_label="commission"
    )


class Session(models.Model):
    """A commission session: interviews of the dossiers presented by one or more employment partners."""

    date = models.DateField("date de la session")
    place = models.CharField("lieu", max_length=255)
    territory = models.ForeignKey(
        "organisations.Territory", verbose_name="territoire", on_delete=models.PROTECT, related_name="+"
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name="partenaire(s) Emploi concerné(s)",
        related_name="commission_sessions",
        limit_choices_to={"category__code": CategoryCode.EMPLOYMENT_PARTNER},
    )
    pilot = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pilote de la session",
        on_delete=models.PROTECT,
        related_name="piloted_sessions",
        limit_choices_to=holders_of("pilot_session"),
    )
    recruiters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="recruteurs conseil",
        blank=True,
        related_name="commission_sessions",
        limit_choices_to=holders_of("fill_analysis"),
    )
    comment = models.TextField("commentaire", blank=True)
    published_on = models.DateField("date de publication des dossiers", null=True, blank=True)
    news_page = models.ForeignKey(
        "news.NewsPage",
        verbose_name="actualité de publication",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "session de la commission"
        verbose_name_plural = "sessions de la commission"
        ordering = ["-date", "-pk"]
        permissions = [
            ("pilot_session", "Piloter les sessions (rattacher les dossiers, débriefer, classer, publier)"),
            ("view_commission_statistics", "Voir les statistiques de la commission"),
            ("take_over_proposal", "Prendre en charge les stagiaires proposés hors vivier"),
        ]

    def __str__(self):
        return f"Session du {self.date:%d/%m/%Y} – {self.place}"


class Analysis(ClusterableModel):
    """A dossier attached to a session, and the advisory recruiter's analysis in five panels."""

    session = models.ForeignKey(Session, verbose_name="session", on_delete=models.CASCADE, related_name="analyses")
    candidate = models.ForeignKey(
        "recruitment.Candidate", verbose_name="dossier", on_delete=models.CASCADE, related_name="commission_analyses"
    )
    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="recruteur conseil",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commission_analyses",
        limit_choices_to=holders_of("fill_analysis"),
    )
    state = models.CharField("état", max_length=20, choices=AnalysisState.choices, default=AnalysisState.DRAFT)

    # 1. Compétences (skills in AnalysisSkill)
    competence_opinion = models.PositiveSmallIntegerField(
        "avis sur les compétences", choices=CompetenceOpinion.choices, null=True, blank=True
    )
    # 2. Comportement et mobilité (mobility in AnalysisMobility)
    behaviour_traits = models.ManyToManyField(
        "recruitment.BehaviourTrait", verbose_name="traits de comportement notables", blank=True, related_name="+"
    )
    accepts_move = models.BooleanField(
        "accepte de déménager pour trouver un poste dans une autre zone", choices=YES_NO, null=True, blank=True
    )
    move_zones = models.CharField("zones de déménagement acceptées", max_length=255, blank=True)
    behaviour_opinion = models.PositiveSmallIntegerField(
        "avis sur le comportement", choices=BehaviourOpinion.choices, null=True, blank=True
    )
    # 3. Expériences
    digital_experience = models.ForeignKey(
        "recruitment.ExperienceBand",
        verbose_name="années d'expérience dans un métier du numérique",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    other_experience = models.ForeignKey(
        "recruitment.ExperienceBand",
        verbose_name="années d'expérience dans un métier hors numérique",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    last_job_end = models.DateField("date de fin du dernier emploi", null=True, blank=True)
    time_without_job = models.ForeignKey(
        "recruitment.ExperienceBand",
        verbose_name="durée cumulée sans emploi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    occupation_without_job = models.CharField("occupation pendant la période sans emploi", max_length=255, blank=True)
    internship_months = models.PositiveSmallIntegerField(
        "nombre de mois de stage ou d'alternance (si jamais travaillé)", null=True, blank=True
    )
    experience_opinion = models.PositiveSmallIntegerField(
        "avis sur l'expérience", choices=ExperienceOpinion.choices, null=True, blank=True
    )
    # 4. Qualifications
    level_with_diploma = models.ForeignKey(
        "recruitment.StudyLevel",
        verbose_name="niveau le plus élevé avec diplôme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    level_without_diploma = models.ForeignKey(
        "recruitment.StudyLevel",
        verbose_name="niveau le plus élevé sans diplôme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    digital_diploma = models.CharField("diplôme le plus élevé lié au numérique", max_length=255, blank=True)
    other_diploma = models.CharField("diplôme le plus élevé hors numérique", max_length=255, blank=True)
    certifications = models.TextField("habilitations et certifications", blank=True)
    qualification_opinion = models.PositiveSmallIntegerField(
        "avis sur la qualification", choices=QualificationOpinion.choices, null=True, blank=True
    )
    # 5. Projet professionnel (the project's fields are the dossier's own)
    project_opinion = models.PositiveSmallIntegerField(
        "avis sur le projet professionnel", choices=ProjectOpinion.choices, null=True, blank=True
    )
    # Synthèse
    cv_opinion = models.TextField("avis du(des) recruteur(s) sur le CV", blank=True)
    interview_opinion = models.TextField("avis du(des) recruteur(s) sur le déroulement de l'entretien", blank=True)
    possible_jobs = models.ManyToManyField(
        "recruitment.Job", verbose_name="métier(s) pouvant être exercé(s)", blank=True, related_name="+"
    )
    training_courses = models.ManyToManyField(
        "recruitment.TrainingCourse",
        verbose_name="cursus d'adaptation et de développement des compétences préconisés",
        blank=True,
        related_name="+",
    )
    training_comment = models.TextField(
        "commentaire sur les cursus", blank=True, help_text="Technologies qui intéressent le candidat…"
    )
    advice = models.TextField("conseils pour le candidat sur sa recherche d'emploi", blank=True)
    proposed_classification = models.CharField(
        "classification proposée", max_length=20, choices=Classification.choices, blank=True
    )
    dismissal_reason = models.ForeignKey(
        "recruitment.DismissalReason",
        verbose_name="raison de la classification Sans suite",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    internal_notes = models.TextField(
        "notes internes de la commission", blank=True, help_text="Jamais montrées aux entreprises."
    )

    created_at = models.DateTimeField("rattaché le", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    completed_at = models.DateTimeField("terminée le", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "analyse de l'employabilité"
        verbose_name_plural = "analyses de l'employabilité"
        ordering = ["session", "candidate__last_name", "candidate__first_name"]
        permissions = [
            ("fill_analysis", "Remplir les analyses des sessions dont on est recruteur conseil"),
            ("view_commission_opinion", "Consulter l'avis de la commission sur les dossiers que l'on suit"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "candidate"],
                name="commission_analysis_unique_in_session",
                violation_error_message="Ce dossier est déjà rattaché à cette session.",
            )
        ]

    def __str__(self):
        return f"{self.candidate} – {self.session}"

    def clean(self):
        super().clean()
        error = rules.dismissal_reason_error(self.proposed_classification, self.dismissal_reason_id)
        if error:
            raise ValidationError({"dismissal_reason": error})

    @property
    def is_completed(self):
        return self.state == AnalysisState.COMPLETED


class AnalysisSkill(models.Model):
    analysis = ParentalKey(Analysis, related_name="skills", on_delete=models.CASCADE)
    skill = models.ForeignKey("recruitment.Skill", verbose_name="savoir-faire", on_delete=models.PROTECT)
    level = models.CharField("niveau de maîtrise", max_length=20, choices=MasteryLevel.choices)

    class Meta:
        verbose_name = "savoir-faire évalué"
        verbose_name_plural = "savoir-faire évalués"
        ordering = ["skill__theme__order", "skill__order", "skill__name"]
        constraints = [models.UniqueConstraint(fields=["analysis", "skill"], name="commission_skill_once")]

    def __str__(self):
        return f"{self.skill} – {self.get_level_display()}"


class AnalysisMobility(models.Model):
    analysis = ParentalKey(Analysis, related_name="mobilities", on_delete=models.CASCADE)
    zone = models.ForeignKey("recruitment.MobilityZone", verbose_name="zone", on_delete=models.PROTECT)
    frequency = models.ForeignKey("recruitment.MobilityFrequency", verbose_name="fréquence", on_delete=models.PROTECT)

    class Meta:
        verbose_name = "mobilité géographique"
        verbose_name_plural = "mobilité géographique"
        ordering = ["zone__order", "zone__name"]
        constraints = [models.UniqueConstraint(fields=["analysis", "zone"], name="commission_mobility_once")]

    def __str__(self):
        return f"{self.zone} : {self.frequency}"
