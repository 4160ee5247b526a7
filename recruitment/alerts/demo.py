"""A fictitious saved search for recruteur.a (idempotent): shared with company A, weekly alerts, and the
two candidates last classified left "new" so that the dashboard shows them."""

from django.db import transaction

from portal.accounts.models import User
from portal.organisations.models import EmploymentArea
from portal.registry import DemoStep
from recruitment.enums import Classification

from . import matching
from .enums import AlertFrequency
from .models import SavedSearch, SearchMatch

NAME = "Employables du Bas-Rhin"
SHOWN_AS_NEW = 2


def seed(stdout, *, candidates=0):
    recruiter = User.objects.filter(username="recruteur.a").first()
    area = EmploymentArea.objects.filter(name="Alsace / Bas-Rhin").first()
    if recruiter is None or area is None or not recruiter.organisation_id:
        return
    with transaction.atomic():
        search, created = SavedSearch.objects.get_or_create(
            owner=recruiter,
            name=NAME,
            defaults={
                "query": {"employment_area": [str(area.pk)], "classification": [Classification.EMPLOYABLE.value]},
                "frequency": AlertFrequency.WEEKLY,
                "shared": True,
            },
        )
        if created:
            matching.mark_known(search)
            latest = SearchMatch.objects.filter(search=search).order_by("-candidate__classified_on", "-candidate_id")[
                :SHOWN_AS_NEW
            ]
            SearchMatch.objects.filter(pk__in=[match.pk for match in latest]).update(known=False)
    stdout.write(f"Recherches enregistrées : « {NAME} » {'créée' if created else 'déjà présente'}.")


DEMO_STEPS = [DemoStep(230, seed)]
