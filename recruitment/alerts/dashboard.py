"""The recruiter's dashboard panel: new candidates of their saved searches since they last opened them and
their sheets due this week. Two queries, whatever the number of searches. The overdue sheets are counted
and listed once, by the panel right before this one (recruitment.sar.dashboard), shown to every user who
gets this one (`may_save_searches` requires `may_search_pool`)."""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from portal.dashboard import TodoItem, TodoLink, TodoPanel
from recruitment.sar import perms as sar_perms
from recruitment.sar import rules as sar_rules

from . import perms, rules
from .models import SearchMatch

PANEL_ORDER = 21  # right after the sheets to update (recruitment.sar.dashboard)


def recruiter_panel(user, today=None):
    today = today or timezone.localdate()
    # 1 query: the unknown matches of the user's searches still in their pool (the worker refreshes them
    # hourly), per search; read from the (search, known) index, each candidate checked against the pool.
    in_pool = sar_perms.pool_for(user).filter(pk=OuterRef("candidate_id"))
    searches = list(
        SearchMatch.objects.filter(search__in=perms.own_saved_searches(user).values("pk"), known=False)
        .filter(Exists(in_pool))
        .values_list("search_id", "search__name")
        .annotate(new_count=Count("pk"))
        .order_by("search__name", "search_id")
    )
    # 1 query: the sheets of this user due this week and not overdue yet.
    overdue_until = sar_rules.latest_overdue_due_date(today)
    this_week = sar_perms.own_sheets(user).filter(due_on__gt=overdue_until, due_on__lte=rules.week_end(today)).count()
    portfolio = reverse("sar_sheets:index")
    week_limit = rules.week_end(today) + timedelta(days=1)
    new_total = sum(count for _, _, count in searches)
    items = [
        TodoItem(
            "Nouveaux candidats de mes recherches",
            new_total,
            reverse("saved_searches:index"),
            "Candidats du vivier apparus depuis que vous avez ouvert vos recherches enregistrées.",
        ),
        TodoItem(
            "Fiches à mettre à jour cette semaine",
            this_week,
            f"{portfolio}?mine=true&due_before={week_limit:%Y-%m-%d}",
        ),
    ]
    links = [
        TodoLink(name, reverse("saved_searches:open", args=[pk]), f"{count} nouveau{'x' if count > 1 else ''}")
        for pk, name, count in searches
        if count
    ]
    return TodoPanel(
        name="alerts_recruiter",
        heading="Mes recherches et mes échéances",
        items=items,
        links=links,
        links_heading="Recherches avec de nouveaux candidats" if links else "",
        order=PANEL_ORDER,
    )


def add_panels(request, panels):
    if perms.may_save_searches(request.user):
        panels.append(recruiter_panel(request.user))
