"""Forms of the directory: the contact form of a company's page, the extranet's organisation sheet."""

import re

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from portal.accounts.models import User
from portal.organisations.enums import CategoryCode
from portal.organisations.models import Organisation
from portal.uploads import UploadKind, validate_upload

PHONE_RE = re.compile(r"^\+?[\d\s().-]{6,25}$")


class ContactForm(forms.Form):
    name = forms.CharField(label="Vos prénom et nom", max_length=150)
    email = forms.EmailField(label="Votre adresse de courriel", max_length=254)
    phone = forms.CharField(label="Votre téléphone (facultatif)", max_length=30, required=False)
    subject = forms.CharField(label="Objet", max_length=150)
    message = forms.CharField(label="Message", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    cv = forms.FileField(
        label="Votre CV (facultatif)",
        required=False,
        help_text=f"{UploadKind.CV.formats_label}, {UploadKind.CV.max_size_label} au maximum.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{ext}" for ext in UploadKind.CV.formats)}),
    )
    consent = forms.BooleanField(
        label="J'accepte que les données saisies dans ce formulaire soient transmises à cette entreprise "
        "pour traiter ma demande, et conservées par Numéric'Emploi Grand Est le temps de son envoi.",
        error_messages={"required": "Vous devez accepter le traitement de vos données pour envoyer le message."},
    )
    # Honeypot: hidden by CSS, left empty by people, filled in by most robots.
    website = forms.CharField(
        label="Ne remplissez pas ce champ",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    error_css_class = "field--error"
    required_css_class = "field--required"

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and (not PHONE_RE.match(phone) or sum(c.isdigit() for c in phone) < 6):
            raise forms.ValidationError("Saisissez un numéro de téléphone valide, par exemple 03 88 00 00 00.")
        return phone

    def clean_cv(self):
        uploaded = self.cleaned_data.get("cv")
        return validate_upload(uploaded, UploadKind.CV) if uploaded else None

    @property
    def is_spam(self):
        return bool(self.data.get("website", "").strip())

    @property
    def visible_fields_without_honeypot(self):
        return [f for f in self.visible_fields() if f.name != "website"]


class OrganisationSheetForm(WagtailAdminModelForm):
    """The sheet's edit form: who may receive messages, which body it may be affiliated to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "hr_contact" in self.fields:
            # Only a colleague may receive the directory's messages, never an outsider.
            self.fields["hr_contact"].queryset = (
                User.objects.filter(organisation=self.instance, is_active=True)
                if self.instance.pk
                else User.objects.none()
            )
            self.fields["hr_contact"].help_text = (
                "Reçoit les messages envoyés depuis l'annuaire ; à défaut, le référent les reçoit. "
                "Son adresse n'est jamais affichée."
            )
        if "affiliation" in self.fields:
            self.fields["affiliation"].queryset = (
                Organisation.objects.accepted()
                .filter(category__code=CategoryCode.PROFESSIONAL_BODY)
                .exclude(pk=self.instance.pk)
            )
        if "referent" in self.fields:
            self.fields["referent"].queryset = User.objects.filter(is_active=True)
