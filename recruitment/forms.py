"""The dossier form: fields per role and per consent, the consent being recorded (the rules are the model's)."""

import base64
import binascii
import io

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.admin.forms import WagtailAdminModelForm

from portal.accounts.models import User
from portal.organisations.models import Organisation
from portal.uploads import UploadKind, validate_upload

from . import perms, rules
from .choices import ReferenceChoices
from .enums import SITUATION_JOB_SEEKING, STATUS_CONSTITUTION, ConsentMethod
from .models import Consent, ConsentTerms, DossierStatus, Situation, reference_row
from .widgets import MAX_SIGNATURE_BYTES, ReselectFileInput, SignaturePadWidget

PROJECT_FIELDS = [
    "objective",
    "wishes",
    "company_types",
    "contract_types",
    "availability",
    "current_jobs",
    "wished_jobs",
    "last_salary",
    "expected_salary",
    "minimum_salary",
    "other_information",
]
JOB_FIELDS = {"current_jobs", "wished_jobs"}
CONSENT_FIELDS = ["consent_method", "consent_signature", "consent_scan"]


def signature_to_png(data_url):
    """Decode a `data:image/png;base64,...` URL, check it is a real PNG and re-encode it (strips anything else)."""

    prefix = "data:image/png;base64,"
    if not data_url or not data_url.startswith(prefix):
        raise ValidationError("La signature est vide ou illisible.")
    try:
        raw = base64.b64decode(data_url[len(prefix) :], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationError("La signature est illisible.") from exc
    if len(raw) > MAX_SIGNATURE_BYTES:
        raise ValidationError("La signature est trop volumineuse.")
    try:
        image = Image.open(io.BytesIO(raw))
        if image.format != "PNG":
            raise ValidationError("La signature doit être une image PNG.")
        image.load()
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError("La signature est illisible.") from exc
    if image.getbbox() is None or (image.mode in ("RGBA", "LA") and image.getchannel("A").getbbox() is None):
        raise ValidationError("La signature est vide : faites signer le candidat dans le cadre.")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


class DossierForm(WagtailAdminModelForm):
    consent_method = forms.ChoiceField(
        label="Recueil du consentement",
        required=False,
        choices=[("", "Pas encore recueilli (initialisation rapide du dossier)"), *ConsentMethod.choices],
        widget=forms.RadioSelect,
        help_text="Sans consentement, le dossier ne peut pas être étudié par la commission ni figurer dans le vivier.",
    )
    consent_signature = forms.CharField(label="Signature du candidat", required=False, widget=SignaturePadWidget)
    consent_scan = forms.FileField(
        label="Formulaire de consentement signé (numérisé)",
        required=False,
        widget=ReselectFileInput,
        help_text=f"{UploadKind.SCAN.formats_label}, {UploadKind.SCAN.max_size_label} au maximum.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.is_creation = self.instance.pk is None
        self.had_consent = not self.is_creation and self.instance.has_consent
        if self.had_consent:
            for name in CONSENT_FIELDS:
                self.fields.pop(name, None)
        else:
            for name in PROJECT_FIELDS:
                self.fields.pop(name, None)
        for name in ("has_france_travail_id", "is_rsa_beneficiary"):
            if name in self.fields:
                self.fields[name] = forms.TypedChoiceField(
                    label=self.fields[name].label,
                    help_text=self.fields[name].help_text,
                    choices=[(True, "Oui"), (False, "Non")],
                    coerce=lambda v: v in (True, "True", "true", "1"),
                    widget=forms.RadioSelect,
                    initial=False,
                )

        partners = Organisation.objects.employment_partners().order_by("name")
        if user is not None and not perms.sees_all_dossiers(user):
            partners = partners.filter(pk=user.organisation_id)
            if self.is_creation:
                self.initial.setdefault("organisation", user.organisation_id)
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = partners
            self.fields["organisation"].widget.attrs["data-organisation-select"] = reverse(
                "recruitment:organisation_users"
            )
        if "organisation_contact" in self.fields:
            org_id = self.data.get(self.add_prefix("organisation")) or self.initial.get("organisation")
            if not org_id and not self.is_creation:
                org_id = self.instance.organisation_id
            self.fields["organisation_contact"].queryset = (
                User.objects.filter(organisation_id=org_id, is_active=True).order_by("last_name", "first_name")
                if str(org_id or "").isdigit()
                else User.objects.none()
            )
            self.fields["organisation_contact"].widget.attrs["data-contact-select"] = ""
            if self.is_creation and user is not None and user.organisation_id == self.initial.get("organisation"):
                self.initial.setdefault("organisation_contact", user.pk)

        if "status" in self.fields:
            statuses = DossierStatus.objects.filter(is_active=True)
            if user is not None and not perms.may_set_any_status(user):
                statuses = DossierStatus.objects.filter(adviser_may_set=True, is_active=True)
                if not self.is_creation:
                    statuses = statuses | DossierStatus.objects.filter(pk=self.instance.status_id)
            self.fields["status"].queryset = statuses.distinct()
            if self.is_creation and (default := reference_row(DossierStatus, STATUS_CONSTITUTION)):
                self.initial.setdefault("status", default.pk)
        cached = ReferenceChoices()
        if "situation" in self.fields:
            temporary = cached.values(Situation.objects.filter(is_temporary=True).values_list("pk", flat=True))
            self.fields["situation"].widget.attrs["data-temporary"] = ",".join(str(pk) for pk in temporary)
        default_situation = reference_row(Situation, SITUATION_JOB_SEEKING) if self.is_creation else None
        if default_situation and "situation" in self.fields:
            self.initial.setdefault("situation", default_situation.pk)

        # Reference lists from the cache, as plain options (recruitment.choices): no query to draw them.
        for name, field in self.fields.items():
            if name in JOB_FIELDS:
                cached.apply_job_tree(field)
            else:
                cached.apply(field)
        cached.save()

        # Existing files link to the permission-checked download view, never to the storage.
        for relation, kind in (("candidate_documents", "candidat"), ("internal_documents", "interne")):
            formset = self.formsets.get(relation) if hasattr(self, "formsets") else None
            for subform in getattr(formset, "forms", []):
                if subform.instance.pk and "file" in subform.fields:
                    subform.fields["file"].widget.download_url = reverse(
                        "recruitment:document", args=[self.instance.pk, kind, subform.instance.pk]
                    )

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if self.for_user is not None and (
            refusal := rules.status_refusal(
                status,
                previous_status_id=None if self.is_creation else self.instance.status_id,
                may_set_any_status=perms.may_set_any_status(self.for_user),
            )
        ):
            self.add_error("status", refusal)

        # A new status or situation without a new date takes effect today.
        for field, date_field in (("status", "status_date"), ("situation", "situation_date")):
            if not self.is_creation and field in self.changed_data and date_field not in self.changed_data:
                cleaned[date_field] = timezone.localdate()

        self._clean_consent(cleaned)
        return cleaned

    def _post_clean(self):
        # The consent given in this form is recorded right after the dossier: the model's consent gate
        # (Candidate.clean -> rules.require_consent) must count it. Candidate.save() re-reads the real flag.
        pending = getattr(self, "consent_file", None) is not None and not self.instance.has_consent
        self.instance.has_consent = self.instance.has_consent or pending
        try:
            super()._post_clean()
        finally:
            if pending:
                self.instance.has_consent = False

    def _clean_consent(self, cleaned):
        self.consent_file = None
        method = cleaned.get("consent_method")
        if self.had_consent or not method:
            return
        self.consent_terms = ConsentTerms.current()
        if self.consent_terms is None:
            self.add_error("consent_method", "Aucune version des conditions d'utilisation n'est publiée.")
            return
        if method == ConsentMethod.SIGNATURE:
            try:
                png = signature_to_png(cleaned.get("consent_signature"))
            except ValidationError as error:
                self.add_error("consent_signature", error)
                return
            self.consent_file = ContentFile(png, name="signature.png")
        elif method == ConsentMethod.SCAN:
            scan = cleaned.get("consent_scan")
            if not scan:
                self.add_error("consent_scan", "Joignez le formulaire de consentement signé et numérisé.")
                return
            try:
                self.consent_file = validate_upload(scan, UploadKind.SCAN).file
            except ValidationError as error:
                self.add_error("consent_scan", error)

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit and self.consent_file is not None:
            self.save_consent(instance)
        return instance

    def save_consent(self, instance):
        Consent.objects.create(
            candidate=instance,
            method=self.cleaned_data["consent_method"],
            file=self.consent_file,
            terms=self.consent_terms,
            collected_by=self.for_user,
            collected_at=timezone.now(),
        )
