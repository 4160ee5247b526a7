"""Public forms: the two-part application (labels and help texts of seed 002) and the fee calculator."""

import os
import unicodedata
import uuid

import nh3
from django import forms
from django.contrib.auth import password_validation
from django.core import signing
from django.core.files.base import ContentFile
from django.utils.html import format_html, linebreaks

from news.models import NewsCategory
from portal.accounts.enums import Civility
from portal.accounts.models import User
from portal.organisations.enums import CategoryCode, MembershipState
from portal.organisations.models import (
    Activity,
    CompanyType,
    Department,
    EmploymentArea,
    Organisation,
    OrganisationCategory,
)
from portal.storage import private_storage

from .enums import ApplicationState, Decision, Sector
from .fees import compute_fee
from .uploads import LOGO_MAX_BYTES, PHOTO_MAX_BYTES, validate_image_upload

EMAIL_HELP = (
    "Une adresse de courriel valide. Tous les courriels de la part du système seront envoyés à cette adresse. "
    "L'adresse de courriel n'est pas publique et ne sera utilisée que si vous souhaitez recevoir un nouveau mot "
    "de passe, certaines actualités ou des notifications par courriel."
)
USERNAME_HELP = (
    "Plusieurs caractères spéciaux sont autorisés : l'espace, le point (.), le tiret (-), l'apostrophe ('), "
    "le tiret bas (_) et le signe @."
)
HEADCOUNT_HELP = (
    "En enregistrant ce formulaire j'atteste sur l'honneur que cette valeur est conforme à la réalité. "
    "Si la valeur est à 0, cela signifie que vous ne souhaitez pas bénéficier des actions de l'association "
    "sur ce territoire."
)
HEADCOUNT_REQUIRED = "Indiquez un effectif supérieur à 0 pour au moins un territoire."
DUPLICATE_EMAIL = "Cette adresse de courriel est déjà utilisée."
DUPLICATE_USERNAME = "Ce nom d'utilisateur est déjà utilisé."
DUPLICATE_ORGANISATION = (
    "Un organisme portant ce nom est déjà adhérent ou a déjà une demande d'adhésion en cours. "
    "Contactez l'association si vous pensez qu'il s'agit d'une erreur."
)
PRESENTATION_TAGS = {"p", "br", "strong", "b", "em", "i", "h3", "h4", "ul", "ol", "li", "a"}
HEADCOUNT_FIELDS = ["headcount_alsace", "headcount_champagne_ardenne", "headcount_lorraine"]


def normalise_name(name):
    """Case- and accent-insensitive key of an organisation name ("Société  Générale" == "societe generale")."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def organisation_name_taken(name, exclude_application=None):
    """True when an accepted or pending organisation, or a sent application, already has this name."""
    key = normalise_name(name)
    names = Organisation.objects.filter(
        membership_state__in=[MembershipState.ACCEPTED, MembershipState.PENDING]
    ).values_list("name", flat=True)
    if any(normalise_name(other) == key for other in names):
        return True
    from .models import MembershipApplication

    pending = MembershipApplication.objects.filter(state=ApplicationState.PENDING)
    if exclude_application is not None:
        pending = pending.exclude(pk=exclude_application.pk)
    return any(normalise_name(other) == key for other in pending.values_list("organisation_name", flat=True))


def sanitise_presentation(text):
    """Keep the presentation's simple formatting, drop everything else; plain text becomes paragraphs."""
    text = (text or "").strip()
    if not text:
        return ""
    if "<" not in text:
        text = linebreaks(text, autoescape=True)
    return nh3.clean(text, tags=PRESENTATION_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"})


def headcounts_from(cleaned_data):
    return [cleaned_data.get(name) or 0 for name in HEADCOUNT_FIELDS]


class HeadcountMixin:
    def _check_headcounts(self, cleaned_data):
        if all(cleaned_data.get(name) is not None for name in HEADCOUNT_FIELDS) and not any(
            headcounts_from(cleaned_data)
        ):
            self.add_error("headcount_alsace", HEADCOUNT_REQUIRED)


def headcount_field(label):
    return forms.IntegerField(label=label, min_value=0, max_value=1_000_000, initial=0, help_text=HEADCOUNT_HELP)


# Part 1 -----------------------------------------------------------------------

PHOTO_SALT = "membership.application.photo"


def read_kept_photo(token):
    """The photo kept by `kept_photo_token`, as a file to save, or None."""
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
        help_text="Votre visage ou image virtuelle. Types de fichier autorisés : PNG, JPEG, GIF, WebP "
        "(2 Mo au maximum).",
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
        existing = User.objects.filter(email__iexact=email).first()
        if existing:
            draft = existing.membership_applications.filter(state=ApplicationState.DRAFT).first()
            if draft:
                self.draft_to_resume = draft
                raise forms.ValidationError(
                    DUPLICATE_EMAIL + " Une demande d'adhésion commencée avec cette adresse existe : "
                    "nous venons de vous renvoyer par courriel le lien pour la reprendre.",
                    code="duplicate",
                )
            raise forms.ValidationError(DUPLICATE_EMAIL, code="duplicate")
        return email

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(DUPLICATE_USERNAME, code="duplicate")
        return username

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            return validate_image_upload(photo, PHOTO_MAX_BYTES)
        kept = read_kept_photo(self.data.get("photo_token", ""))
        return kept or photo

    def kept_photo_token(self):
        """After a failed validation, keep a valid photo so it need not be sent again; return its token."""
        photo = self.cleaned_data.get("photo") if "photo" not in self.errors else None
        if not photo:
            return ""
        if hasattr(photo, "content_type"):  # a new upload
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
            except forms.ValidationError as error:
                self.add_error("password1", error)

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        user.is_active = False  # no login before the board's decision
        if commit:
            user.save()
            self.save_m2m()
        return user


# Part 2 -----------------------------------------------------------------------


class OrganisationForm(HeadcountMixin, forms.Form):
    """Part 2, the organisation. Its data is kept as a draft until the applicant sends it."""

    name = forms.CharField(label="Raison sociale", max_length=255)
    category = forms.ModelChoiceField(
        label="Catégorie d'organisme",
        queryset=OrganisationCategory.objects.filter(is_active=True),
        empty_label="- Choisir une valeur -",
    )
    head_office_department = forms.ModelChoiceField(
        label="Localisation de la direction régionale",
        queryset=Department.objects.filter(is_active=True).select_related("territory"),
        empty_label="- Choisir une valeur -",
    )
    logo = forms.FileField(
        label="Logo",
        required=False,
        help_text="Taille maximale recommandée 300x300, moins de 200 Ko. Formats : PNG, JPEG, GIF, WebP.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )
    presentation = forms.CharField(
        label="Présentation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Texte de présentation de votre organisme dans le contexte des actions de Numéric'Emploi Grand Est. "
        "Partenaires ou organisations professionnelles : vos activités / missions et la raison de votre "
        "collaboration avec NEGE. Entreprises : un descriptif permettant de retenir l'attention de jeunes "
        "diplômés, de personnes en recherche d'emploi. Organismes de formation : une présentation de votre "
        "organisme et de vos atouts vis-à-vis des entreprises qui recherchent des jeunes diplômés, des "
        "alternants ou des stagiaires. Mise en forme simple acceptée (paragraphes, gras, italique, listes, liens).",
    )
    website = forms.URLField(
        label="Site Web",
        required=False,
        assume_scheme="https",
        help_text="URL complète de votre site web, par exemple https://www.exemple.fr",
    )
    company_type = forms.ModelChoiceField(
        label="Type d'entreprise",
        queryset=CompanyType.objects.filter(is_active=True),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="Une startup est une entreprise créée depuis moins de 3 ans au 1er janvier de l'année en cours, "
        "ayant moins de 10 salariés ou un Chiffre d'Affaires < 300 K€.",
    )
    activities = forms.ModelMultipleChoiceField(
        label="Activités principales",
        queryset=Activity.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    establishment_departments = forms.ModelMultipleChoiceField(
        label="Localisation des établissements",
        queryset=Department.objects.filter(is_active=True).select_related("territory"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Zones géographiques où sont situés les établissements de votre entreprise dans le Grand Est.",
    )
    intervention_departments = forms.ModelMultipleChoiceField(
        label="Zones géographiques d'intervention",
        queryset=Department.objects.filter(is_active=True).select_related("territory"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Zones géographiques où votre entreprise intervient dans le Grand Est (notamment pour les ESN "
        "et les sociétés d'ingénierie et de conseils en technologies).",
    )
    affiliation = forms.ModelChoiceField(
        label="Affiliation à un organisme professionnel",
        queryset=Organisation.objects.accepted().filter(category__code=CategoryCode.PROFESSIONAL_BODY),
        required=False,
        empty_label="Aucune",
        help_text="Affiliation éventuelle de votre entreprise à une organisation professionnelle membre de "
        "Numéric'Emploi Grand Est. Si vous êtes affilié à plusieurs organisations, indiquez celle à laquelle "
        "vous avez adhéré en premier.",
    )
    hr_contact = forms.ChoiceField(
        label="Contact des ressources humaines",
        choices=[
            ("referent", "Moi-même (référent de l'organisme)"),
            ("later", "À désigner plus tard parmi les utilisateurs de l'organisme"),
        ],
        initial="referent",
        widget=forms.RadioSelect,
        help_text="Un formulaire permet à un candidat, depuis l'annuaire des entreprises, d'envoyer un message avec "
        "éventuellement un CV joint à ce responsable RH. Si cette information n'est pas saisie, c'est le "
        "référent de l'organisme qui recevra le message.",
    )
    headcount_alsace = headcount_field("Adhésion pour l'Alsace")
    headcount_champagne_ardenne = headcount_field("Adhésion pour Champagne-Ardenne")
    headcount_lorraine = headcount_field("Adhésion pour Lorraine")
    sector = forms.ChoiceField(
        label="Grille de cotisation applicable",
        choices=Sector.choices,
        initial=Sector.DIGITAL,
        widget=forms.RadioSelect,
        help_text="Organismes hors secteur numérique : indiquez dans le périmètre le nombre de salariés exerçant "
        "un métier du numérique.",
    )
    syntec_pack = forms.BooleanField(label="Startup ayant souscrit le pack Startup de Syntec Numérique", required=False)
    engagement_delegation = forms.BooleanField(
        label="Je certifie sur l'honneur avoir les délégations nécessaires pour engager et représenter l'organisme "
        "auquel j'appartiens au sein de l'association Numéric'Emploi Grand Est",
        error_messages={"required": "Cette clause d'engagement est obligatoire."},
    )
    engagement_statutes = forms.BooleanField(
        error_messages={"required": "Cette clause d'engagement est obligatoire."},
    )

    FILE_FIELDS = {"logo"}

    def __init__(self, *args, application=None, statutes_url=None, rules_url=None, fee_grid_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.has_stored_logo = bool(application and application.draft_logo)

        def link(label, url):
            return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, label) if url else label

        self.fields["engagement_statutes"].label = format_html(
            "Je certifie avoir pris connaissance des {} de l'association, du {} et de la {}, et déclare les accepter.",
            link("statuts", statutes_url),
            link("règlement intérieur", rules_url),
            link("grille de cotisation", fee_grid_url),
        )
        self.fields["logo"].required = False
        if not self.has_stored_logo:
            self.fields["logo"].widget.attrs["required"] = True

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if organisation_name_taken(name, exclude_application=self.application):
            raise forms.ValidationError(DUPLICATE_ORGANISATION, code="duplicate")
        return name

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo:
            validate_image_upload(logo, LOGO_MAX_BYTES)
        elif not self.has_stored_logo:
            raise forms.ValidationError("Le logo est obligatoire.", code="required")
        return logo

    def clean_presentation(self):
        return sanitise_presentation(self.cleaned_data.get("presentation"))

    def clean(self):
        cleaned = super().clean()
        self._check_headcounts(cleaned)
        return cleaned

    SUMMARY_EXCLUDE = {"logo", "presentation", "engagement_delegation", "engagement_statutes"}

    def summary(self):
        """(label, displayed value) of every answer, for the preview."""
        rows = []
        for name, field in self.fields.items():
            if name in self.SUMMARY_EXCLUDE:
                continue
            value = self.cleaned_data.get(name)
            if isinstance(field, forms.ModelMultipleChoiceField):
                shown = ", ".join(str(item) for item in value)
            elif isinstance(field, forms.BooleanField):
                shown = "Oui" if value else "Non"
            elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                shown = dict(field.choices).get(value, value)
            else:
                shown = "" if value is None else str(value)
            rows.append((field.label, shown))
        return rows

    @property
    def is_startup(self):
        company_type = self.cleaned_data.get("company_type")
        return bool(company_type and company_type.name.lower().replace(" ", "") == "startup")

    def quote(self, rules):
        data = self.cleaned_data
        return compute_fee(
            rules,
            sector=data["sector"],
            headcounts=headcounts_from(data),
            affiliated=bool(data.get("affiliation")),
            startup=self.is_startup,
            syntec_pack=data.get("syntec_pack", False),
        )


def draft_from_post(data):
    """The raw typed values of part 2, as a JSON-able dict of lists (files and tokens left out)."""
    return {
        key: data.getlist(key)
        for key in data
        if key in OrganisationForm.base_fields and key not in OrganisationForm.FILE_FIELDS
    }


def initial_from_draft(draft):
    """Initial values of an unbound part-2 form from a saved draft."""
    initial = {}
    for key, values in draft.items():
        field = OrganisationForm.base_fields.get(key)
        if field is None:
            continue
        if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
            initial[key] = values
        elif isinstance(field, forms.BooleanField):
            initial[key] = bool(values) and values[-1] not in ("", "false", "off", "0")
        else:
            initial[key] = values[-1] if values else ""
    return initial


# Fee calculator ---------------------------------------------------------------


class FeeCalculatorForm(HeadcountMixin, forms.Form):
    sector = forms.ChoiceField(
        label="Secteur", choices=Sector.choices, initial=Sector.DIGITAL, widget=forms.RadioSelect
    )
    headcount_alsace = forms.IntegerField(label="Effectif en Alsace", min_value=0, max_value=1_000_000, initial=0)
    headcount_champagne_ardenne = forms.IntegerField(
        label="Effectif en Champagne-Ardenne", min_value=0, max_value=1_000_000, initial=0
    )
    headcount_lorraine = forms.IntegerField(label="Effectif en Lorraine", min_value=0, max_value=1_000_000, initial=0)
    affiliated = forms.BooleanField(
        label="Organisme affilié à une organisation professionnelle membre de NEGE", required=False
    )
    startup = forms.BooleanField(label="Startup (secteur numérique)", required=False)
    syntec_pack = forms.BooleanField(label="Pack Startup de Syntec Numérique souscrit", required=False)

    def clean(self):
        cleaned = super().clean()
        self._check_headcounts(cleaned)
        return cleaned

    def quote(self, rules):
        data = self.cleaned_data
        return compute_fee(
            rules,
            sector=data["sector"],
            headcounts=headcounts_from(data),
            affiliated=data["affiliated"],
            startup=data["startup"],
            syntec_pack=data["syntec_pack"],
        )


# Extranet ---------------------------------------------------------------------


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="Décision", choices=Decision.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label="Commentaire",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Transmis au demandeur dans le courriel de décision. Obligatoire en cas de refus.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Decision.REFUSE and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Indiquez le motif du refus : il sera transmis au demandeur.")
        return cleaned
