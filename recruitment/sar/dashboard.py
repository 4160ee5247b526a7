"""Dashboard panels of the recruitment support: the company recruiter's sheets to update, the ADC
commission's training needs. Every count goes through recruitment.sar.perms."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from portal.dashboard import TodoItem, TodoLink, TodoPanel

from . import perms
from .enums import TrainingNeedState

LISTED_SHEETS = 10


def recruiter_panel(user):
    """Overdue sheets first (they lock the pool search), then the trainees to finalise."""
    today = timezone.localdate()
    overdue = perms.own_sheets(user).overdue(today)
    listed = list(overdue.select_related("candidate__employment_area").order_by("due_on", "pk")[:LISTED_SHEETS])
    overdue_count = len(listed) if len(listed) < LISTED_SHEETS else overdue.count()  # a count only when truncated
    items = [
        TodoItem(
            "Mes fiches dépassées",
            overdue_count,
            f"{reverse('sar_sheets:index')}?overdue=true",
            "La recherche dans le vivier reste bloquée tant qu'elles ne sont pas mises à jour."
            if overdue_count
            else "Aucune fiche à mettre à jour.",
        )
    ]
    if perms.may_complete_trainees(user):
        items.append(
            TodoItem(
                "Stagiaires hors vivier à finaliser",
                perms.proposed_trainees_for(user).count(),
                reverse("sar_trainees:index"),
            )
        )
    links = [
        TodoLink(str(sheet), reverse("sar_sheets:edit", args=[sheet.pk]), f"échéance le {sheet.due_on:%d/%m/%Y}")
        for sheet in listed
    ]
    return TodoPanel(
        name="sar_recruiter_todo",
        heading="Mes fiches de suivi à mettre à jour",
        items=items,
        links=links,
        links_heading="Fiches arrivées à échéance" if links else "",
    )


def training_needs_panel(user):
    """The ADC commission: needs submitted and not yet taken in hand, and those in progress."""
    needs = perms.training_needs_for(user)
    index = reverse("sar_training_needs:index")
    counts = needs.aggregate(
        submitted=Count("pk", filter=Q(state=TrainingNeedState.SUBMITTED)),
        in_progress=Count("pk", filter=Q(state=TrainingNeedState.IN_PROGRESS)),
    )
    submitted, in_progress = counts["submitted"], counts["in_progress"]
    return TodoPanel(
        name="sar_training_needs_todo",
        heading="Besoins de formation des entreprises",
        items=[
            TodoItem("Besoins à prendre en charge", submitted, f"{index}?state={TrainingNeedState.SUBMITTED}"),
            TodoItem("Besoins en cours", in_progress, f"{index}?state={TrainingNeedState.IN_PROGRESS}"),
        ],
    )


def add_panels(request, panels):
    user = request.user
    if perms.may_search_pool(user):
        panels.append(recruiter_panel(user))
    if perms.may_process_training_needs(user):
        panels.append(training_needs_panel(user))
