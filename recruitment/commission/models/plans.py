"""The PIADC (individual training plan) of a dossier and its training actions."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .. import rules
from ..enums import ActionState, PlanState


class TrainingPlan(ClusterableModel):
    """The PIADC (plan individuel d'adaptation et de développement des compétences) of a candidate."""

    candidate = models.OneToOneField(
        "recruitment.Candidate", verbose_name="dossier", on_delete=models.CASCADE, related_name="training_plan"
    )
    state = models.CharField(
        "état du PIADC", max_length=20, choices=PlanState.choices, default=PlanState.EMPTY, editable=False
    )
    comment = models.TextField("commentaire", blank=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "plan individuel ADC (PIADC)"
        verbose_name_plural = "plans individuels ADC (PIADC)"
        ordering = ["candidate__last_name", "candidate__first_name"]

    def __str__(self):
        return f"PIADC de {self.candidate}"

    def clean(self):
        super().clean()
        if self.candidate_id is None:
            return
        # A plan already opened stays editable for its dossier (e.g. after a withdrawn consent).
        kept = not self._state.adding and TrainingPlan.objects.filter(pk=self.pk, candidate_id=self.candidate_id)
        if not (kept and kept.exists()):
            refusal = rules.plan_refusal(self.candidate)
            if refusal:
                raise ValidationError({"candidate": refusal})

    def save(self, *args, **kwargs):
        # The overall state follows the actions (in memory too: the extranet form saves them after the plan).
        self.state = rules.plan_state(action.state for action in self.actions.all())
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "state"}
        super().save(*args, **kwargs)


class TrainingAction(Orderable):
    plan = ParentalKey(TrainingPlan, related_name="actions", on_delete=models.CASCADE)
    course = models.ForeignKey(
        "recruitment.TrainingCourse", verbose_name="cursus", on_delete=models.PROTECT, null=True, blank=True
    )
    title = models.CharField("action", max_length=255, blank=True, help_text="Intitulé si autre que le cursus.")
    organisation = models.CharField("organisme de formation", max_length=255, blank=True)
    start_date = models.DateField("date de début", null=True, blank=True)
    end_date = models.DateField("date de fin", null=True, blank=True)
    state = models.CharField("état", max_length=20, choices=ActionState.choices, default=ActionState.PLANNED)

    class Meta(Orderable.Meta):
        verbose_name = "action de formation"
        verbose_name_plural = "actions de formation"

    def clean(self):
        super().clean()
        error = rules.action_dates_error(self.start_date, self.end_date)
        if error:
            raise ValidationError({"end_date": error})

    def __str__(self):
        return self.title or str(self.course or "Action")
