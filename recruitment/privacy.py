"""Data protection of a dossier: what is held on the candidate (right of access) and its erasure.

- `sections(candidate)`: everything held, as titled sections (the dossier's own, then those the apps built
  on the dossiers add through `DOSSIER_PERSONAL_DATA_HOOK`), read by the export (`recruitment.subject_access`);
- `anonymise(candidate, user=..., reason=..., on_request=...)`: the erasure an administrator confirms, after
  24 months without activity or at the person's request. It erases identity, contact data, notes, contexts,
  documents and the consent proof (files deleted from storage), the recorded e-mails and task payloads naming
  the candidate, the personal fields of the history (`recruitment.scrub`), and what the apps built on the
  dossiers erase through `DOSSIER_ERASURE_HOOK`. It keeps what the statistics need: organisation, area,
  channel, statuses, situations, classification, jobs, dates, the commission's skills levels.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from wagtail import hooks
from wagtail.log_actions import log as log_action

from portal.history import snapshot

from . import scrub
from .models import AccessAction, DossierAccess, DossierLogEntry

#: `@hooks.register(DOSSIER_PERSONAL_DATA_HOOK)` on a function `(candidate) -> [Section, ...]`.
DOSSIER_PERSONAL_DATA_HOOK = "register_dossier_personal_data"
#: `@hooks.register(DOSSIER_ERASURE_HOOK)` on a function `(candidate)` erasing the app's personal data of it.
DOSSIER_ERASURE_HOOK = "register_dossier_erasure"

ANONYMISED_LAST_NAME = "ANONYME"
ANONYMISE_ACTION = "recruitment.anonymise"
ERASE_ACTION = "recruitment.erase"

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

#: The dossier's fields in the export, grouped as on its screen.
DOSSIER_GROUPS = [
    (
        "Identification",
        ["civility", "last_name", "first_name", "has_france_travail_id", "france_travail_id"]
        + ["is_rsa_beneficiary", "caf_number"],
    ),
    ("Coordonnées", ["employment_area", "city", "street_number", "street", "postcode", "phone", "email"]),
    (
        "Source d'information",
        ["organisation", "organisation_contact", "agency", "adviser_name", "adviser_contact", "channel"],
    ),
    ("Contexte", ["contexts"]),
    ("Situation actuelle", ["situation", "situation_date", "situation_end_date", "situation_note"]),
    ("Suivi du traitement", ["status", "status_date", "status_note", "classification", "classified_on"]),
    (
        "Projet professionnel",
        ["objective", "wishes", "company_types", "contract_types", "availability", "current_jobs", "wished_jobs"]
        + ["last_salary", "expected_salary", "minimum_salary", "other_information"],
    ),
    ("Dossier", ["created_at", "updated_at"]),
]


@dataclass
class Section:
    """A titled part of the export: label/value pairs (`items`) and/or a table (`columns`, `rows`)."""

    title: str
    items: list = field(default_factory=list)
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)

    def as_data(self):
        data = dict(self.items)
        if self.columns:
            data["lignes"] = [dict(zip(self.columns, row, strict=False)) for row in self.rows]
        return data


def _label(candidate, name):
    return str(candidate._meta.get_field(name).verbose_name).capitalize()


def dossier_sections(candidate):
    """The dossier's own data, its consent, documents, history and outside accesses."""
    sections = []
    for title, names in DOSSIER_GROUPS:
        values = snapshot(candidate, names)
        sections.append(Section(title, [(_label(candidate, name), values[name]) for name in names]))
    consent = candidate.consent if candidate.has_consent else None
    sections.append(
        Section(
            "Consentement",
            [
                ("Mode de recueil", consent.get_method_display()),
                ("Recueilli le", timezone.localtime(consent.collected_at).strftime("%d/%m/%Y %H:%M")),
                ("Recueilli par", str(consent.collected_by or "")),
                ("Conditions d'utilisation", str(consent.terms)),
            ]
            if consent
            else [("Consentement", "Non recueilli")],
        )
    )
    history = DossierLogEntry.objects.for_instance(candidate).select_related("user").order_by("timestamp", "pk")
    sections.append(
        Section(
            "Historique du dossier",
            columns=["Date", "Action", "Par"],
            rows=[
                [timezone.localtime(e.timestamp).strftime("%d/%m/%Y %H:%M"), _message(e), e.user_display_name]
                for e in history
            ],
        )
    )
    accesses = DossierAccess.objects.filter(candidate=candidate).select_related("user", "user_organisation")
    sections.append(
        Section(
            "Consultations par des personnes extérieures à l'organisme qui vous accompagne",
            columns=["Date", "Action", "Personne", "Organisme"],
            rows=[
                [
                    timezone.localtime(a.at).strftime("%d/%m/%Y %H:%M"),
                    AccessAction(a.action).label,
                    str(a.user or ""),
                    str(a.user_organisation or ""),
                ]
                for a in accesses.order_by("at", "pk")
            ],
        )
    )
    return sections


def _message(entry):
    try:
        return str(entry.message)
    except (AttributeError, KeyError, TypeError):
        return entry.action


def sections(candidate):
    """Everything held on the candidate, as sections (the dossier's, then the apps')."""
    found = dossier_sections(candidate)
    for contribute in hooks.get_hooks(DOSSIER_PERSONAL_DATA_HOOK):
        found.extend(contribute(candidate))
    return found


def personal_data(candidate, found=None):
    """A plain dict of everything held on the candidate (the JSON of the right-of-access archive)."""
    found = sections(candidate) if found is None else found
    return {"dossier": candidate.pk, **{section.title: section.as_data() for section in found}}


def documents(candidate):
    """The stored files of the dossier: (folder, document title, FieldFile)."""
    files = [("documents", str(doc), doc.file) for doc in candidate.candidate_documents.all()]
    files += [("documents-internes", str(doc), doc.file) for doc in candidate.internal_documents.all()]
    if candidate.has_consent and candidate.consent.file:
        files.append(("consentement", "preuve-du-consentement", candidate.consent.file))
    return files


def anonymise(candidate, *, user, reason="", on_request=False):
    """Erase the candidate's personal data everywhere; keep the statistics (see the module docstring).

    Run it in a transaction: the files leave the storage when it commits."""
    texts = scrub.needles(candidate)
    address = candidate.email
    reason = scrub.without(texts, reason.strip())
    scrub.delete_files_on_commit([file for _folder, _title, file in documents(candidate)])
    candidate.candidate_documents.all().delete()
    candidate.internal_documents.all().delete()
    if candidate.has_consent:
        candidate.consent.file = ""
        candidate.consent.save(update_fields=["file"])
    for name in PERSONAL_FIELDS:
        setattr(candidate, name, "")
    candidate.last_name = ANONYMISED_LAST_NAME
    candidate.first_name = f"{candidate.pk}"
    candidate.city = "-"
    candidate.has_france_travail_id = False
    candidate.is_rsa_beneficiary = False
    candidate.anonymised_at = timezone.now()
    candidate.erased_on_request = on_request
    candidate.erasure_reason = reason
    candidate.save()
    candidate.contexts.clear()  # QPV, RQTH...: situations of the person, not statistics of the dossier
    for erase in hooks.get_hooks(DOSSIER_ERASURE_HOOK):
        erase(candidate)
    scrub.scrub_emails(texts, address)
    scrub.scrub_tasks(texts, candidate.pk)
    # The history kept old values (names, cities): drop them, keep who did what and when.
    scrub.scrub_history(candidate, texts)
    log_action(
        candidate,
        ERASE_ACTION if on_request else ANONYMISE_ACTION,
        user=user,
        data={"reason": reason} if reason else {},
    )
    return candidate
