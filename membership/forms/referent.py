"""Part 1 of the application: the organisation's referent and their (inactive) account."""

import os
import uuid

from django import forms
from django.contrib.auth import password_validation
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.html import format_html

from news.models import NewsCategory
from portal.accounts.enums import Civility
from portal.accounts.models import User
from portal.organisations.models import EmploymentArea
from portal.storage import private_storage
from portal.uploads import UploadKind

from .. import services
from .files import checked_upload

EMAIL_HELP = (
    "Une adresse de courriel valide. Tous les courriels de la part du système seront envoyés à cette adresse. "
    "L'adresse de courriel n'est pas publique et ne sera utilisée que si vous souhaitez recevoir un nouveau mot "
    "de passe, certaines actualités ou des notifications par courriel."
)
USERNAME_HELP = (
    "Plusieurs caractères spéciaux sont autorisés : l'espace, le point (.), le tiret (-), l'apostrophe ('), "
    "le tiret bas (_) et le signe @."
)
PHOTO_SALT = "membership.application.photo"


def read_kept_photo(token):
    """The photo kept by `ReferentForm.kept_photo_token`, as a file to save, or None."""
    if not token:
        return None
    try:
        name = signing.loads(token, salt=PHOTO_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None
    storage = private_storage()
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as stored:
        return ContentFile(stored.read(), name=os.path.basename(name))


class ReferentForm(forms.ModelForm):
    """Part 1, the organisation's referent: creates the account (inactive until the board accepts)."""

    civility = forms.ChoiceField(label="Civilité", choices=[("", "- Choisir une valeur -"), *Civility.choices])
    workplace_area = forms.ModelChoiceField(
        label="Zone géographique",
        queryset=EmploymentArea.objects.filter(is_active=True),
        required=False,
        empty_label="N/A",
    )
    news_categories = forms.ModelMultipleChoiceField(
        label="Notification de publication d'une actualité",
        queryset=NewsCategory.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Choisissez les types d'actualités pour lesquelles vous souhaitez être notifié par mail "
        "lorsqu'une actualité est publiée.",
    )
    photo = forms.FileField(
        label="Photo",
        required=False,
        help_text=f"Votre visage ou image virtuelle. Types de fichier autorisés : {UploadKind.PHOTO.formats_label} "
        f"({UploadKind.PHOTO.max_size_label} au maximum).",
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": "Vous devez accepter les conditions d'utilisation des données pour continuer."},
    )
    password1 = forms.CharField(
        label="Mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Confirmation du mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = [
            "email",
            "username",
            "civility",
            "last_name",
            "first_name",
            "function",
            "photo",
            "mobile_phone",
            "landline_phone",
            "workplace_name",
            "workplace_area",
            "workplace_address",
            "workplace_postcode",
            "workplace_city",
            "news_categories",
        ]
        labels = {
            "email": "Adresse de courriel",
            "username": "Nom d'utilisateur",
            "last_name": "Nom",
            "first_name": "Prénom",
            "function": "Fonction",
            "photo": "Photo",
            "mobile_phone": "Téléphone mobile",
            "landline_phone": "Téléphone fixe",
            "workplace_name": "Nom du site",
            "workplace_address": "Adresse",
            "workplace_postcode": "Code Postal",
            "workplace_city": "Ville",
        }
        help_texts = {
            "email": EMAIL_HELP,
            "username": USERNAME_HELP,
            "workplace_name": "Siège, établissement, agence, …",
        }

    def __init__(self, *args, legal_notice_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("email", "last_name", "first_name"):
            self.fields[name].required = True
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        link = (
            format_html('<a href="{}" target="_blank" rel="noopener">mentions légales</a>', legal_notice_url)
            if legal_notice_url
            else "mentions légales"
        )
        self.fields["consent"].label = format_html(
            "En cochant cette case, je confirme avoir pris connaissance des conditions d'utilisation des données "
            "de mon profil utilisateur de l'extranet disponible dans les {}",
            link,
        )
        self.draft_to_resume = None

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        try:
            services.check_email_free(email)
        except services.EmailTaken as error:
            self.draft_to_resume = error.draft
            raise
        return email

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        services.check_username_free(username)
        return username

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            return checked_upload(photo, UploadKind.PHOTO)
        return read_kept_photo(self.data.get("photo_token", "")) or photo

    def kept_photo_token(self):
        """After a failed validation, keep a valid photo so it need not be sent again; return its token."""
        photo = self.cleaned_data.get("photo") if "photo" not in self.errors else None
        if not photo:
            return ""
        if "photo" in self.files:  # a new upload, already checked and re-encoded
            extension = os.path.splitext(photo.name)[1].lower()[:5]
            name = private_storage().save(f"membership/tmp/{uuid.uuid4().hex}{extension}", photo)
            return signing.dumps(name, salt=PHOTO_SALT)
        return self.data.get("photo_token", "")

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip().upper()

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "Les deux mots de passe ne correspondent pas.")
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        password = self.cleaned_data.get("password1")
        if password:
            try:
                password_validation.validate_password(password, self.instance)
            except ValidationError as error:
                self.add_error("password1", error)

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        user.is_active = False  # no login before the board's decision
        if commit:
            user.save()
            self.save_m2m()
        return user
