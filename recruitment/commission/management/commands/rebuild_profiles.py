from django.core.management.base import BaseCommand

from recruitment.commission.models import Analysis
from recruitment.commission.profiles import refresh_profiles
from recruitment.models import Candidate, Consent, mark_consent


class Command(BaseCommand):
    help = (
        "Reconstruit les données dérivées lues par la recherche dans le vivier (profils d'employabilité, "
        "indicateur de consentement), par exemple après un chargement en masse."
    )

    def handle(self, *args, **options):
        candidates = set(Analysis.objects.values_list("candidate_id", flat=True))
        refresh_profiles(candidates)
        with_consent = Consent.objects.values("candidate_id")
        Candidate.objects.filter(has_consent=True).exclude(pk__in=with_consent).update(has_consent=False)
        mark_consent(with_consent, True)
        self.stdout.write(self.style.SUCCESS(f"{len(candidates)} dossier(s) analysé(s) mis à jour."))
