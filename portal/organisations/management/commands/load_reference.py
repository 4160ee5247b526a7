"""Load or update the reference lists (idempotent)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from news.models import NewsCategory
from portal.organisations.models import (
    Activity,
    CompanyType,
    Department,
    EmploymentArea,
    OrganisationCategory,
    Territory,
)
from portal.reference_data import geography, organisations


class Command(BaseCommand):
    help = "Charge ou met à jour les listes de référence."

    @transaction.atomic
    def handle(self, *args, **options):
        territories = {}
        for order, name in enumerate(geography.TERRITORIES):
            territories[name], _ = Territory.objects.update_or_create(name=name, defaults={"order": order})
        for order, (code, name, territory) in enumerate(geography.DEPARTMENTS):
            department, _ = Department.objects.update_or_create(
                code=code, defaults={"name": name, "territory": territories[territory], "order": order}
            )
            EmploymentArea.objects.update_or_create(
                name=f"{territory} / {name}",
                defaults={"territory": territories[territory], "department": department, "order": order},
            )
        for order, (code, name) in enumerate(organisations.CATEGORIES):
            OrganisationCategory.objects.update_or_create(code=code, defaults={"name": name, "order": order})
        for model, names in [(CompanyType, organisations.COMPANY_TYPES), (Activity, organisations.ACTIVITIES)]:
            for order, name in enumerate(names):
                model.objects.update_or_create(name=name, defaults={"order": order})
        for order, (slug, name) in enumerate(organisations.NEWS_CATEGORIES):
            NewsCategory.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Listes de référence à jour."))
