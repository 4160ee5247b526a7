"""Dashboard panel of the employment adviser: the dossiers waiting for them (recruitment.perms scope)."""

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from portal.dashboard import TodoItem, TodoPanel

from . import perms
from .enums import STATUS_CONSTITUTION, STATUS_INCOMPLETE
from .models import DossierStatus


def may_see_adviser_panel(user):
    """Whoever creates dossiers for their own organisation (not the commission, which sees them all)."""
    return perms.may_create_dossiers(user) and not perms.sees_all_dossiers(user)


STATUS_CACHE_KEY = "recruitment:dashboard:status-pks"
STATUS_CACHE_TIMEOUT = 60 * 60  # a safety net: saving or deleting a status drops the entry


def status_pks():
    """{code: pk} of the statuses the panel links to (cached: the reference list rarely changes)."""
    statuses = cache.get(STATUS_CACHE_KEY)
    if statuses is None:
        codes = [STATUS_CONSTITUTION[0], STATUS_INCOMPLETE[0]]
        statuses = dict(DossierStatus.objects.filter(code__in=codes).values_list("code", "pk"))
        cache.set(STATUS_CACHE_KEY, statuses, STATUS_CACHE_TIMEOUT)
    return statuses


def drop_status_pks(**kwargs):
    cache.delete(STATUS_CACHE_KEY)


post_save.connect(drop_status_pks, sender=DossierStatus, dispatch_uid="recruitment-dashboard-status-save")
post_delete.connect(drop_status_pks, sender=DossierStatus, dispatch_uid="recruitment-dashboard-status-delete")


def adviser_panel(user):
    """To complete, without consent, sent back by the commission: one aggregate whatever the numbers."""
    statuses = status_pks()
    to_complete, sent_back = statuses.get(STATUS_CONSTITUTION[0]), statuses.get(STATUS_INCOMPLETE[0])
    counts = perms.dossiers_for(user).aggregate(
        to_complete=Count("pk", filter=Q(status_id=to_complete)),
        without_consent=Count("pk", filter=Q(has_consent=False)),
        sent_back=Count("pk", filter=Q(status_id=sent_back)),
    )
    index = reverse("recruitment_dossiers:index")
    return TodoPanel(
        name="recruitment_adviser_todo",
        heading="Dossiers en attente",
        items=[
            TodoItem(
                "Dossiers à compléter",
                counts["to_complete"],
                f"{index}?status={to_complete or ''}",
                "Statut « Constitution dossier ».",
            ),
            TodoItem(
                "Dossiers sans consentement",
                counts["without_consent"],
                f"{index}?consent=no",
                "La commission ne peut pas les étudier.",
            ),
            TodoItem(
                "Dossiers renvoyés par la commission",
                counts["sent_back"],
                f"{index}?status={sent_back or ''}",
                "Informations à compléter.",
            ),
        ],
    )


def add_panels(request, panels):
    if may_see_adviser_panel(request.user):
        panels.append(adviser_panel(request.user))
