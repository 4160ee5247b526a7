"""Data protection: right of access (export) and anonymisation of a dossier (statistics kept)."""

from django.utils import timezone
from wagtail.log_actions import log as log_action

from .models import DossierLogEntry

PERSONAL_FIELDS = [
    "civility",
    "last_name",
    "first_name",
    "france_travail_id",
    "caf_number",
    "city",
    "street_number",
    "street",
    "postcode",
    "phone",
    "email",
    "adviser_name",
    "adviser_contact",
    "agency",
    "situation_note",
    "status_note",
    "wishes",
    "other_information",
]


def personal_data(candidate):
    """A plain dict of everything held on the candidate (for the right of access)."""
    data = {"dossier": candidate.pk}
    for field in candidate._meta.concrete_fields:
        if field.name in ("identifier_key", "identity_key", "id"):
            continue
        value = getattr(candidate, field.name)
        data[str(field.verbose_name)] = str(value) if field.is_relation and value is not None else value
    for name in ("contexts", "company_types", "contract_types", "current_jobs", "wished_jobs"):
        data[str(candidate._meta.get_field(name).verbose_name)] = [str(x) for x in getattr(candidate, name).all()]
    data["documents transmis par le candidat"] = [str(d) for d in candidate.candidate_documents.all()]
    data["documents internes"] = [str(d) for d in candidate.internal_documents.all()]
    if candidate.has_consent:
        consent = candidate.consent
        data["consentement"] = {
            "mode": consent.get_method_display(),
            "recueilli le": consent.collected_at,
            "recueilli par": str(consent.collected_by or ""),
            "conditions d'utilisation": consent.terms.version,
        }
    return data


def _delete_file(field_file):
    # Demo dossiers share two files: never delete those.
    if field_file and "/demo/" not in field_file.name:
        field_file.delete(save=False)


def anonymise(candidate, *, user):
    """Erase the personal data; keep area, organisation, statuses, situations, jobs and dates for statistics."""
    for doc in [*candidate.candidate_documents.all(), *candidate.internal_documents.all()]:
        _delete_file(doc.file)
        doc.delete()
    if candidate.has_consent:
        _delete_file(candidate.consent.file)
        candidate.consent.file = ""
        candidate.consent.save(update_fields=["file"])
    for name in PERSONAL_FIELDS:
        setattr(candidate, name, "")
    candidate.last_name = "ANONYME"
    candidate.first_name = f"{candidate.pk}"
    candidate.city = "-"
    candidate.has_france_travail_id = False
    candidate.is_rsa_beneficiary = False
    candidate.anonymised_at = timezone.now()
    candidate.save()
    # The history kept old values (names, cities): drop them, keep who did what and when.
    DossierLogEntry.objects.for_instance(candidate).update(data={}, label=f"Dossier n° {candidate.pk}")
    log_action(candidate, "recruitment.anonymise", user=user)
