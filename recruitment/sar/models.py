"""Follow-up sheets (fiches SAR), training needs, trainees proposed by companies, reminder log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from recruitment.models import (
    Candidate,
    ContractType,
    Job,
    RecruitmentState,
    RejectionCause,
    SarResult,
    SarStatus,
    Skill,
)

from . import rules
from .enums import SheetAction, TrainingNeedState


class FollowUpSheetQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Sheets past their due date (rules.is_overdue)."""
        return self.filter(due_on__lte=rules.latest_overdue_due_date(today or timezone.localdate()))

    def due_soon(self, horizon_days, today=None):
        """Overdue or due within `horizon_days` days (rules.is_due_soon)."""
        return self.filter(due_on__lte=rules.latest_reminded_due_date(today or timezone.localdate(), horizon_days))


class FollowUpSheet(models.Model):
    """A candidate in a company's portfolio: actions done, result, recruitment follow-up."""

    # Section 1 – Suivi (status and dates are computed, never typed)
    company = models.ForeignKey(
        "organisations.Organisation", verbose_name="entreprise", on_delete=models.CASCADE, related_name="sar_sheets"
    )
    candidate = models.ForeignKey(
        Candidate, verbose_name="candidat", on_delete=models.CASCADE, related_name="follow_up_sheets"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="recruteur",
        on_delete=models.SET_NULL,
        null=True,
        related_name="sar_sheets",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now, editable=False)
    status = models.ForeignKey(SarStatus, verbose_name="statut", on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField("date de mise à jour", default=timezone.now, editable=False)
    due_on = models.DateField("date d'échéance", null=True, blank=True, editable=False, db_index=True)

    # Section 2 – Actions effectuées ("|code|code|": portable filtering with `contains`)
    actions = models.CharField("actions effectuées", max_length=500, blank=True, default="")

    # Section 3 – Résultat
    result = models.ForeignKey(SarResult, verbose_name="résultat", on_delete=models.PROTECT, related_name="+")
    rejection_causes = models.ManyToManyField(
        RejectionCause, verbose_name="cause(s) de rejet du candidat", blank=True, related_name="+"
    )
    no_response = models.BooleanField("non réponse du candidat aux sollicitations de l'entreprise", default=False)
    no_response_alerted_at = models.DateTimeField(
        "signalement de non réponse envoyé le", null=True, blank=True, editable=False
    )
    comment = models.TextField("commentaires", blank=True)

    # Section 4 – Suivi recrutement
    recruited_on = models.DateField("date recrutement", null=True, blank=True)
    contract_type = models.ForeignKey(
        ContractType, verbose_name="contrat", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    contract_end_date = models.DateField("date de fin de contrat", null=True, blank=True)
    recruitment_state = models.ForeignKey(
        RecruitmentState, verbose_name="état", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = FollowUpSheetQuerySet.as_manager()

    # Set by a form before validation: the rejection causes about to be saved (a many-to-many
    # relation is only written after the sheet).
    rejection_causes_to_save = None

    class Meta:
        verbose_name = "fiche de suivi SAR"
        verbose_name_plural = "fiches de suivi SAR"
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("search_pool", "Rechercher dans le vivier et mettre des candidats dans le portefeuille de son entreprise"),
            ("view_all_followupsheets", "Voir les fiches de suivi de toutes les entreprises"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "candidate"],
                name="sar_one_sheet_per_company_candidate",
                violation_error_message="Ce candidat a déjà une fiche de suivi dans le portefeuille de l'entreprise.",
            )
        ]
        indexes = [
            models.Index(fields=["company", "due_on"], name="sar_sheet_company_due"),
            # The portfolio's default sort (newest first) read in order within the company: no sort of its sheets.
            models.Index(fields=["company", "-created_at", "-id"], name="sar_sheet_company_created"),
            # The portfolio's status filter (several statuses) with the due date, within the company.
            models.Index(fields=["company", "status", "due_on"], name="sar_sheet_company_status_due"),
            models.Index(fields=["created_by", "due_on"], name="sar_sheet_recruiter_due"),
            models.Index(fields=["candidate", "company"], name="sar_sheet_candidate_company"),
        ]

    def __str__(self):
        candidate = self.candidate
        return rules.sheet_title(
            candidate.get_civility_display(), candidate.last_name, candidate.first_name, candidate.employment_area
        )

    def clean(self):
        """Sections 3 and 4 (rules.sheet_errors), on every path that validates a sheet."""
        if self.result_id is None:
            return  # the required field reports it
        if self.rejection_causes_to_save is not None:
            causes = list(self.rejection_causes_to_save)
        else:
            causes = list(self.rejection_causes.all()) if self.pk else []
        errors = rules.sheet_errors(
            result=self.result,
            rejection_causes=causes,
            recruited_on=self.recruited_on,
            contract=self.contract_type,
            contract_end_date=self.contract_end_date,
            state=self.recruitment_state,
        )
        if errors:
            raise ValidationError(errors)

    # Actions as a list of SheetAction values
    @property
    def action_list(self):
        return [code for code in self.actions.split("|") if code]

    @action_list.setter
    def action_list(self, codes):
        ordered = [value for value in SheetAction.values if value in set(codes or ())]
        self.actions = f"|{'|'.join(ordered)}|" if ordered else ""

    def get_actions_display(self):
        labels = dict(SheetAction.choices)
        return ", ".join(str(labels[code]) for code in self.action_list if code in labels)

    def apply_rules(self, *, previous=None, now=None):
        """Set the status and, when the rules say so, the update and due dates."""
        now = now or timezone.now()
        status = rules.sheet_status(self.result, self.recruitment_state)
        self.status = status
        if previous is None or rules.due_date_must_be_recomputed(
            old_result_id=previous["result_id"],
            new_result_id=self.result_id,
            old_status_id=previous["status_id"],
            new_status_id=status.pk,
            old_actions=previous["actions"],
            new_actions=self.action_list,
        ):
            self.due_on = rules.due_date(self.result, self.recruitment_state, timezone.localtime(now))
        self.updated_at = now

    def rule_inputs(self):
        """What the due-date rule compares between the stored sheet and the edited one."""
        return {"result_id": self.result_id, "status_id": self.status_id, "actions": self.action_list}

    # Portfolio columns and export
    @property
    def current_jobs_display(self):
        return ", ".join(job.name for job in self.candidate.current_jobs.all())

    @property
    def candidate_area(self):
        return self.candidate.employment_area

    @property
    def candidate_situation(self):
        return self.candidate.situation

    @property
    def candidate_classification(self):
        return self.candidate.get_classification_display() or ""

    @property
    def is_overdue(self):
        return rules.is_overdue(self.due_on, timezone.localdate())


class TrainingNeed(models.Model):
    """A pre-recruitment training need of a company, sent to the ADC commission."""

    company = models.ForeignKey(
        "organisations.Organisation", verbose_name="entreprise", on_delete=models.CASCADE, related_name="training_needs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="soumis par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("soumis le", default=timezone.now, editable=False)
    jobs = models.ManyToManyField(Job, verbose_name="métiers", related_name="+")
    skills = models.ManyToManyField(Skill, verbose_name="compétences", blank=True, related_name="+")
    headcount = models.PositiveSmallIntegerField(
        "nombre de personnes", default=1, validators=[MinValueValidator(1, "Indiquez au moins une personne.")]
    )
    place = models.CharField("lieu", max_length=255)
    wished_start = models.DateField("démarrage souhaité")
    comment = models.TextField("commentaire", blank=True)
    state = models.CharField(
        "état", max_length=20, choices=TrainingNeedState.choices, default=TrainingNeedState.SUBMITTED
    )

    class Meta:
        verbose_name = "besoin de formation en pré-recrutement"
        verbose_name_plural = "besoins de formation en pré-recrutement"
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("view_all_trainingneeds", "Voir les besoins de formation de toutes les entreprises"),
            ("process_trainingneed", "Faire avancer les besoins de formation (prise en charge, clôture)"),
            ("receive_trainingneed", "Recevoir les besoins de formation soumis par les entreprises"),
        ]

    def __str__(self):
        return f"Besoin de formation n°{self.pk} – {self.company}"


class ProposedTrainee(models.Model):
    """A candidate proposed by a company outside the pool: the company completes the dossier until the
    commission takes it over."""

    candidate = models.OneToOneField(
        Candidate, verbose_name="dossier", on_delete=models.CASCADE, related_name="proposed_trainee"
    )
    company = models.ForeignKey(
        "organisations.Organisation", verbose_name="entreprise", on_delete=models.CASCADE, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="proposé par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField("proposé le", default=timezone.now, editable=False)
    training_need = models.ForeignKey(
        TrainingNeed,
        verbose_name="besoin de formation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainees",
    )
    finalised_at = models.DateTimeField("finalisé le", null=True, blank=True)
    taken_over_at = models.DateTimeField("pris en charge par la commission le", null=True, blank=True)

    class Meta:
        verbose_name = "stagiaire proposé hors vivier"
        verbose_name_plural = "stagiaires proposés hors vivier"
        ordering = ["-proposed_at"]

    def __str__(self):
        return str(self.candidate)

    @property
    def owned_by_company(self):
        return self.taken_over_at is None


class ReminderLog(models.Model):
    """One reminder e-mail per recruiter per day at most."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(default=timezone.localdate)
    sheet_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "rappel d'échéance"
        verbose_name_plural = "rappels d'échéance"
        constraints = [models.UniqueConstraint(fields=["user", "sent_on"], name="sar_one_reminder_per_day")]

    def __str__(self):
        return f"{self.user} – {self.sent_on:%d/%m/%Y}"
