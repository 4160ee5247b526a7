"""Part 2 of the application: the organisation, kept as a draft until the applicant sends it."""

from django import forms
from django.utils.html import format_html

from portal.organisations.enums import CategoryCode
from portal.organisations.models import Activity, CompanyType, Department, Organisation, OrganisationCategory
from portal.uploads import UploadKind

from .. import rules, services
from ..enums import Sector
from ..fees import compute_fee
from .common import HeadcountMixin, headcount_field, headcounts_from
from .files import checked_upload

LOGO_REQUIRED = "Le logo est obligatoire."


def _departments():
    return Department.objects.filter(is_active=True).select_related("territory")


class OrganisationForm(HeadcountMixin, forms.Form):
    """Part 2, the organisation. Its data is kept as a draft until the applicant sends it."""

    name = forms.CharField(label="Raison sociale", max_length=255)
    category = forms.ModelChoiceField(
        label="Catégorie d'organisme",
        queryset=OrganisationCategory.objects.filter(is_active=True),
        empty_label="- Choisir une valeur -",
    )
    head_office_department = forms.ModelChoiceField(
        label="Localisation de la direction régionale", queryset=_departments(), empty_label="- Choisir une valeur -"
    )
    head_office_city = forms.CharField(
        label="Ville de la direction régionale",
        max_length=100,
        help_text="Affichée sur la fiche de votre organisme dans l'annuaire des partenaires.",
    )
    logo = forms.FileField(
        label="Logo",
        required=False,
        help_text=f"Taille maximale recommandée 300x300, moins de {UploadKind.LOGO.max_size_label}. "
        f"Formats : {UploadKind.LOGO.formats_label}.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )
    presentation = forms.CharField(
        label="Présentation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "data-rich-text": ""}),  # site/static/js/rich-text.js
        help_text="Texte de présentation de votre organisme dans le contexte des actions de Numéric'Emploi Grand Est. "
        "Partenaires ou organisations professionnelles : vos activités / missions et la raison de votre "
        "collaboration avec NEGE. Entreprises : un descriptif permettant de retenir l'attention de jeunes "
        "diplômés, de personnes en recherche d'emploi. Organismes de formation : une présentation de votre "
        "organisme et de vos atouts vis-à-vis des entreprises qui recherchent des jeunes diplômés, des "
        "alternants ou des stagiaires. Mise en forme simple : paragraphes, gras, italique, listes et liens.",
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
        queryset=_departments(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Zones géographiques où sont situés les établissements de votre entreprise dans le Grand Est.",
    )
    intervention_departments = forms.ModelMultipleChoiceField(
        label="Zones géographiques d'intervention",
        queryset=_departments(),
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
    SUMMARY_EXCLUDE = {"logo", "presentation", "engagement_delegation", "engagement_statutes"}

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
        if not self.has_stored_logo:
            self.fields["logo"].widget.attrs["required"] = True

    def clean_name(self):
        name = rules.clean_organisation_name(self.cleaned_data["name"])
        services.check_organisation_name(name, exclude_application=self.application)
        return name

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo:
            return checked_upload(logo, UploadKind.LOGO)
        if not self.has_stored_logo:
            raise forms.ValidationError(LOGO_REQUIRED, code="required")
        return None

    def clean_presentation(self):
        return rules.sanitise_presentation(self.cleaned_data.get("presentation"))

    def accepted_logo(self):
        """The uploaded logo once checked and re-encoded, or None (none sent, or refused next to the field)."""
        if "logo" in self.errors or not hasattr(self, "cleaned_data"):
            return None
        return self.cleaned_data.get("logo")

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
        return rules.is_startup(company_type.name if company_type else "")

    def quote(self, grid_rules):
        data = self.cleaned_data
        return compute_fee(
            grid_rules,
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
