"""Import of candidate dossiers through the dossier screen's own form (`recruitment.forms.DossierForm`).

The rules are those of the screen, for the importing administrator: mandatory fields, the contact point of the
organisation, the statuses, the consent gate (`Candidate.clean`), the uniqueness check
(`recruitment.duplicates`, with its message). A row whose identity matches exactly one dossier followed by the
same organisation updates that dossier (the same person, already moved in); a match elsewhere is refused as a
possible duplicate, for the commission to decide. The classification follows the commission's rules
(`recruitment.commission.rules`): consent recorded, a reason for "Sans suite", the status that goes with it.
Consent comes with its proof (the signed form, or the signature image), checked by the form like an upload.
"""

import base64
import os

from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from wagtail.log_actions import log as log_action

from portal.accounts.enums import Civility
from portal.organisations.models import EmploymentArea
from portal.uploads import UploadKind, validate_upload
from recruitment import rules as dossier_rules
from recruitment.commission import rules as commission_rules
from recruitment.duplicates import identity_keys
from recruitment.enums import CandidateDocumentType, Classification, ConsentMethod, InternalDocumentType
from recruitment.forms import DossierForm
from recruitment.models import (
    ApplicationChannel,
    Candidate,
    CandidateDocument,
    DismissalReason,
    DossierStatus,
    InternalDocument,
    SearchContext,
    Situation,
    reference_row,
)

from .columns import DOSSIERS, split_values
from .lookups import Refusal, Row, form_reasons
from .report import Outcome

DOSSIER_FIELDS = [
    "civility",
    "last_name",
    "first_name",
    "has_france_travail_id",
    "france_travail_id",
    "is_rsa_beneficiary",
    "caf_number",
    "employment_area",
    "city",
    "street_number",
    "street",
    "postcode",
    "phone",
    "email",
    "organisation",
    "organisation_contact",
    "agency",
    "adviser_name",
    "adviser_contact",
    "channel",
    "contexts",
    "situation",
    "situation_date",
    "situation_end_date",
    "situation_note",
    "status",
    "status_date",
    "status_note",
]
_ScreenForm = modelform_factory(Candidate, form=DossierForm, fields=DOSSIER_FIELDS)


class ImportDossierForm(_ScreenForm):
    """The screen's form, fed by a row: no hidden initial values (dates with a default), so that what changes
    is compared with the dossier itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False


# Documents: (column, model, the type of a file whose name does not start with a known "TYPE-")
DOCUMENT_COLUMNS = [
    ("cv", CandidateDocument, CandidateDocumentType.CV),
    ("other_documents", CandidateDocument, CandidateDocumentType.DV),
    ("internal_documents", InternalDocument, InternalDocumentType.DV),
]


def _pk(obj):
    return "" if obj is None else str(obj.pk)


def _iso(value):
    return value.isoformat() if value else ""


def _active(model):
    return model.objects.filter(is_active=True)


def read_identity(row):
    """The identity as the dossier will store it (the model's save() normalises the same way)."""
    has_id = row.yes_no("has_france_travail_id")
    return {
        "civility": row.choice("civility", Civility),
        "last_name": " ".join(row.required("last_name").split()).upper(),
        "first_name": " ".join(row.required("first_name").split()),
        "has_france_travail_id": str(has_id),
        "france_travail_id": row.text("france_travail_id") if has_id else "",
        "is_rsa_beneficiary": str(row.yes_no("is_rsa_beneficiary")),
        "caf_number": row.text("caf_number"),
        "city": " ".join(row.required("city").split()),
    }


def import_dossier(row_values, context):
    """Create or update one dossier; returns (outcome, subject, changes)."""
    row = Row(DOSSIERS, row_values)
    data = read_identity(row)
    subject = f"{data['last_name']} {data['first_name']}".strip()
    organisation = row.organisation("organisation")
    contact = row.user("organisation_contact")
    existing = _matching_dossier(data, organisation)
    status = row.reference("status", _active(DossierStatus))
    situation = row.reference("situation", _active(Situation))
    dates = {key: row.date(key) for key in ("situation_date", "situation_end_date", "status_date", "classified_on")}
    data.update(
        {
            "employment_area": _pk(row.reference("employment_area", _active(EmploymentArea))),
            "street_number": row.text("street_number"),
            "street": row.text("street"),
            "postcode": row.text("postcode"),
            "phone": row.text("phone"),
            "email": row.text("email"),
            "organisation": _pk(organisation),
            "organisation_contact": _pk(contact),
            "agency": row.text("agency"),
            "adviser_name": row.text("adviser_name"),
            "adviser_contact": row.text("adviser_contact"),
            "channel": _pk(row.reference("channel", _active(ApplicationChannel))),
            "contexts": [str(c.pk) for c in row.references("contexts", _active(SearchContext))],
            "situation": _pk(situation),
            "situation_date": _iso(_date_or_kept(dates["situation_date"], existing, "situation_date", context)),
            "situation_end_date": _iso(dates["situation_end_date"]),
            "situation_note": row.text("situation_note"),
            "status": _pk(status),
            "status_date": _iso(_date_or_kept(dates["status_date"], existing, "status_date", context)),
            "status_note": row.text("status_note"),
        }
    )
    classification = row.choice("classification", Classification)
    dismissal_reason = (
        row.reference("dismissal_reason", _active(DismissalReason)) if row.text("dismissal_reason") else None
    )
    if dismissal_reason is not None and not data["status_note"]:
        data["status_note"] = f"Raison de la classification « Sans suite » : {dismissal_reason.name}"
    files = _consent_data(row, data, existing, context)
    documents = _documents(row, context, existing)
    row.check()

    form = ImportDossierForm(data, files, instance=existing, for_user=context.user)
    if not form.is_valid():
        raise Refusal(form_reasons(DOSSIERS, form))
    consent_given = form.instance.has_consent or getattr(form, "consent_file", None) is not None
    classified = _classification(row, classification, dates["classified_on"], dismissal_reason, status, consent_given)
    classification_changed = existing is not None and (existing.classification or "", existing.classified_on) != (
        classified["classification"] or "",
        classified["classified_on"],
    )
    new_consent = getattr(form, "consent_file", None) is not None
    if existing is not None and not (form.has_changed() or classification_changed or new_consent or documents):
        return Outcome.UNCHANGED, subject, []

    changes = []
    if existing is not None:
        changes = _changes(form, classification_changed, new_consent, documents)
    candidate = form.save(commit=False)
    candidate.classification = classified["classification"]
    candidate.classified_on = classified["classified_on"]
    if existing is None:
        candidate.created_by = context.user
    candidate.save()
    form.save_m2m()
    if not context.dry_run:  # a dry run writes no file
        if new_consent:
            form.save_consent(candidate)
        for model, doc_type, title, checked in documents:
            _attach(candidate, model, doc_type, title, checked)
    log_action(candidate, "wagtail.edit" if existing else "wagtail.create", user=context.user)
    return (Outcome.UPDATED if existing else Outcome.CREATED), subject, changes


def _matching_dossier(identity, organisation):
    """The dossier this row updates: the only one matching by the uniqueness rule, followed by the same
    organisation; None for a new dossier. Any other match is refused with the uniqueness check's message."""
    keys = identity_keys(
        france_travail_id=identity["france_travail_id"],
        last_name=identity["last_name"],
        first_name=identity["first_name"],
        city=identity["city"],
    )
    matches = list(Candidate.objects.possible_duplicates(*keys)[:20])
    if not matches:
        return None
    if len(matches) == 1 and organisation is not None and matches[0].organisation_id == organisation.pk:
        return matches[0]
    error = dossier_rules.duplicate_error([str(match) for match in matches])
    raise Refusal(error.messages)


def _date_or_kept(value, existing, field, context):
    """The date of the row; when empty, the dossier's (an update) or today (a creation, as the screen does)."""
    if value:
        return value
    return getattr(existing, field) if existing is not None else context.today


def _consent_data(row, data, existing, context):
    """Fill the form's consent fields (method, signature image or scanned form); returns the form's files."""
    if not row.yes_no("consent") or (existing is not None and existing.has_consent):
        return {}
    method = row.choice("consent_method", ConsentMethod) or ConsentMethod.SCAN
    name = row.text("consent_file")
    column = DOSSIERS.column("consent_file")
    if not name:
        row.reasons.append(
            f"Consentement « Oui » sans sa preuve : indiquez le fichier du formulaire signé (ou de la signature) "
            f"dans « {column.label} »."
        )
        return {}
    proof = context.documents.get(name)
    if proof is None:
        row.reasons.append(f"Document introuvable : « {name} » (colonne « {column.label} »).")
        return {}
    data["consent_method"] = method
    if method == ConsentMethod.SIGNATURE:
        data["consent_signature"] = signature_data_url(proof.read())
        return {}
    return {"consent_scan": proof}


def _documents(row, context, existing):
    """[(model, type, title, CheckedUpload)] of the row's files not yet attached to the dossier."""
    found = []
    for key, model, default_type in DOCUMENT_COLUMNS:
        for name in split_values(row.text(key)):
            title = os.path.basename(name)
            if existing is not None and model.objects.filter(candidate=existing, title=title).exists():
                continue
            uploaded = context.documents.get(name)
            if uploaded is None:
                row.reasons.append(f"Document introuvable : « {name} » (colonne « {DOSSIERS.column(key).label} »).")
                continue
            try:
                checked = validate_upload(uploaded, UploadKind.DOCUMENT)
            except ValidationError as error:
                row.reasons.append(f"Document « {name} » refusé : {' '.join(error.messages)}")
                continue
            prefix = title.split("-", 1)[0].upper()
            known = {value for value, _label in model._meta.get_field("doc_type").choices}
            doc_type = prefix if prefix in known else default_type
            found.append((model, doc_type, title, checked))
    return found


def _attach(candidate, model, doc_type, title, checked):
    count = model.objects.filter(candidate=candidate).count()
    document = model(candidate=candidate, doc_type=doc_type, title=title, file=checked.file, sort_order=count)
    document.full_clean(exclude=["candidate"])
    document.save()


def _classification(row, classification, classified_on, dismissal_reason, status, consent_given):
    """The commission's rules on an imported classification; refuses the row when one is broken."""
    if not classification:
        if classified_on:
            row.reasons.append("Une date de classification est indiquée sans classification.")
        row.check()
        return {"classification": None, "classified_on": None}
    if not consent_given:
        row.reasons.append(dossier_rules.CONSENT_REQUIRED_MESSAGE)
    if classified_on is None:
        row.reasons.append(f"Champ obligatoire manquant : « {DOSSIERS.column('classified_on').label} ».")
    for message in commission_rules.classification_errors(classification, dismissal_reason).values():
        row.reasons.append(message)
    expected = reference_row(DossierStatus, commission_rules.status_for_classification(classification))
    if status is not None and expected is not None and status.pk != expected.pk:
        row.reasons.append(
            f"Le statut « {status.name} » ne correspond pas à la classification "
            f"« {Classification(classification).label} » : le statut attendu est « {expected.name} »."
        )
    row.check()
    return {"classification": classification, "classified_on": classified_on}


def _changes(form, classification_changed, new_consent, documents):
    labels = {column.key: column.label for column in DOSSIERS.columns}
    changed = [f"« {labels.get(name, name)} »" for name in form.changed_data if not name.startswith("consent_")]
    if classification_changed:
        changed.append(f"« {labels['classification']} »")
    if new_consent:
        changed.append("consentement recueilli")
    changed.extend(f"document « {title} » ajouté" for _model, _type, title, _checked in documents)
    return ["Modifié : " + ", ".join(changed)] if changed else []


def signature_data_url(content):
    """The signature image as the signature pad sends it (the form re-checks it is a drawn PNG)."""
    return "data:image/png;base64," + base64.b64encode(content).decode("ascii")
