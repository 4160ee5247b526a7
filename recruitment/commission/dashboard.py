"""Dashboard panels of the commission: the next session and its dossiers (pilots and advisory
recruiters), the trainees proposed outside the pool. Every count goes through recruitment.commission.perms."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from portal.dashboard import TodoItem, TodoLink, TodoPanel

from . import perms
from .enums import AnalysisState

LISTED_DOSSIERS = 15


def next_session(user, today=None):
    """The first session on or after today among those the user may open (None: nothing planned)."""
    today = today or timezone.localdate()
    return perms.sessions_for(user).filter(date__gte=today).select_related("territory").order_by("date", "pk").first()


def session_panel(user):
    session = next_session(user)
    sessions_index = reverse("commission_sessions:index")
    if session is None:
        return TodoPanel(
            name="commission_session_todo",
            heading="Prochaine session de la commission",
            intro="Aucune session n'est prévue pour le moment.",
            items=[TodoItem("Sessions à venir", 0, sessions_index)],
        )
    analyses = perms.analyses_for(user).filter(session=session)
    session_url = reverse("commission:session", args=[session.pk])
    listed = list(
        analyses.select_related("candidate").order_by("candidate__last_name", "candidate__first_name", "pk")[
            :LISTED_DOSSIERS
        ]
    )
    if len(listed) < LISTED_DOSSIERS:  # the whole session is listed: no count query
        total = len(listed)
        to_fill = sum(analysis.state != AnalysisState.COMPLETED for analysis in listed)
    else:
        counts = analyses.aggregate(total=Count("pk"), to_fill=Count("pk", filter=~Q(state=AnalysisState.COMPLETED)))
        total, to_fill = counts["total"], counts["to_fill"]
    return TodoPanel(
        name="commission_session_todo",
        heading=f"Prochaine session : {session.date:%d/%m/%Y} – {session.place}",
        intro=f"Territoire : {session.territory}.",
        items=[
            TodoItem("Dossiers de la session", total, session_url),
            TodoItem("Analyses à terminer", to_fill, session_url, "Analyses encore en brouillon."),
        ],
        links=[
            TodoLink(
                str(analysis.candidate),
                reverse("commission:analysis", args=[analysis.pk]),
                analysis.get_state_display(),
            )
            for analysis in listed
        ],
        links_heading="Dossiers de la session",
    )


def proposals_panel(user):
    return TodoPanel(
        name="commission_proposals_todo",
        heading="Stagiaires proposés hors vivier",
        items=[
            TodoItem(
                "Propositions à prendre en charge",
                perms.proposals_to_take_over(user).count(),
                reverse("commission:proposals"),
            )
        ],
        order=25,
    )


def add_panels(request, panels):
    user = request.user
    if perms.may_fill_analyses(user) and perms.may_see_sessions(user):
        panels.append(session_panel(user))
    if perms.may_take_over_proposals(user):
        panels.append(proposals_panel(user))
