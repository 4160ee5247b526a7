"""The contact form of a company's directory page."""

import re

from django import forms

from .uploads import FORMATS_LABEL, check_cv

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
        help_text=f"{FORMATS_LABEL}, 5 Mo au maximum.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.doc,.docx,.odt,.rtf,.txt"}),
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
        return check_cv(uploaded) if uploaded else None

    @property
    def is_spam(self):
        return bool(self.data.get("website", "").strip())

    @property
    def visible_fields_without_honeypot(self):
        return [f for f in self.visible_fields() if f.name != "website"]
