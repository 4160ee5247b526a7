"""Search of dossiers ("Recherche de dossiers"): the manual's basic and advanced filters, combined with AND.

Apps built on the dossiers add their criteria (the commission: session, PIADC) through the
`DOSSIER_FILTERS_HOOK` hook: this module imports none of them.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet

from portal.organisations.models import EmploymentArea, Organisation

from . import choices, widgets
from .enums import CandidateDocumentType, Classification, ProfessionalObjective, RsaFilter
from .models import ApplicationChannel, Candidate, CandidateDocument, DossierStatus, Job, Situation

PRESENCE = [("yes", "Présent"), ("no", "Absent")]

#: `@hooks.register(DOSSIER_FILTERS_HOOK)` on a function returning {name: django_filters.Filter} (with a
#: callable `method` if needed): the criteria are shown after "Classification".
DOSSIER_FILTERS_HOOK = "register_dossier_filters"
EXTRA_FILTERS_AFTER = "classification"


def _presence(queryset, condition, value):
    if value == "yes":
        return queryset.filter(condition)
    if value == "no":
        return queryset.exclude(condition)
    return queryset


class DossierFilterSet(WagtailFilterSet):
    # Critères de base
    employment_area = django_filters.ModelChoiceFilter(
        label="Bassin d'emploi", queryset=EmploymentArea.objects.all(), empty_label="Tous"
    )
    name = django_filters.CharFilter(
        label="Nom du candidat",
        method="filter_name",
        help_text="Saisie partielle ou totale du nom.",
        widget=forms.TextInput(
            attrs={
                "list": "dossier-names",
                "autocomplete": "off",
                "data-name-autocomplete": reverse_lazy("recruitment:candidate_names"),
            }
        ),
    )
    status = django_filters.ModelChoiceFilter(
        label="Statut du dossier", queryset=DossierStatus.objects.all(), empty_label="Tous"
    )
    situation = django_filters.ModelChoiceFilter(
        label="Situation du candidat", queryset=Situation.objects.all(), empty_label="Toutes"
    )
    classification = django_filters.ChoiceFilter(
        label="Classification", choices=Classification.choices, empty_label="Toutes"
    )
    # Options avancées
    channel = django_filters.ModelChoiceFilter(
        label="Canal de candidature", queryset=ApplicationChannel.objects.all(), empty_label="Tous"
    )
    france_travail_id = django_filters.ChoiceFilter(
        label="Identifiant Pôle Emploi", choices=PRESENCE, method="filter_france_travail_id", empty_label="Indifférent"
    )
    consent = django_filters.ChoiceFilter(
        label="Consentement", choices=PRESENCE, method="filter_consent", empty_label="Indifférent"
    )
    cv = django_filters.ChoiceFilter(
        label="CV du candidat", choices=PRESENCE, method="filter_cv", empty_label="Indifférent"
    )
    rsa = django_filters.ChoiceFilter(
        label="RSA", choices=RsaFilter.choices, method="filter_rsa", empty_label="Indifférent"
    )
    current_jobs = django_filters.ModelMultipleChoiceFilter(
        label="Métiers exercés",
        queryset=Job.objects.select_related("family"),
        method="filter_jobs",
        widget=forms.CheckboxSelectMultiple,
    )
    wished_jobs = django_filters.ModelMultipleChoiceFilter(
        label="Métiers souhaités",
        queryset=Job.objects.select_related("family"),
        method="filter_jobs",
        widget=forms.CheckboxSelectMultiple,
    )
    objective = django_filters.ChoiceFilter(
        label="Objectif professionnel", choices=ProfessionalObjective.choices, empty_label="Tous"
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Organisme accompagnant", queryset=Organisation.objects.employment_partners(), empty_label="Tous"
    )
    needs_review = django_filters.ChoiceFilter(
        label="Inactif depuis 2 ans (à revoir)",
        choices=[("yes", "Oui")],
        method="filter_needs_review",
        empty_label="Indifférent",
    )

    class Meta:
        model = Candidate
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        extra = {}
        for hook in hooks.get_hooks(DOSSIER_FILTERS_HOOK):
            extra.update(hook())
        if extra:
            items = list(self.filters.items())
            at = [name for name, _filter in items].index(EXTRA_FILTERS_AFTER) + 1
            for filter_ in extra.values():
                filter_.model, filter_.parent = self.queryset.model, self
            self.filters = dict([*items[:at], *extra.items(), *items[at:]])

    @property
    def form(self):
        """The filter form with its reference lists from the cache, drawn by one-pass widgets (no query, no
        template per option: `recruitment.choices`, `recruitment.widgets`)."""
        if not hasattr(self, "_form"):
            form = super().form
            cached = choices.ReferenceChoices()
            for field in form.fields.values():
                cached.apply(field)
                if isinstance(field.widget, forms.CheckboxSelectMultiple):
                    field.widget = widgets.CheckboxSelectMultiple(attrs=field.widget.attrs, choices=field.choices)
                elif isinstance(field.widget, forms.Select):
                    field.widget = widgets.Select(attrs=field.widget.attrs, choices=field.choices)
            cached.save()
        return self._form

    def filter_name(self, queryset, name, value):
        # Accents and case ignored on every database (rules.search_words, the stored search_name).
        return queryset.name_contains(value)

    def filter_france_travail_id(self, queryset, name, value):
        return _presence(queryset, ~Q(france_travail_id=""), value)

    def filter_consent(self, queryset, name, value):
        # The `has_consent` mirror (kept by Consent): no join with the consents.
        return _presence(queryset, Q(has_consent=True), value)

    def filter_cv(self, queryset, name, value):
        has_cv = Exists(CandidateDocument.objects.filter(candidate=OuterRef("pk"), doc_type=CandidateDocumentType.CV))
        return _presence(queryset, Q(has_cv), value)

    def filter_rsa(self, queryset, name, value):
        if value == RsaFilter.WITH_CAF:
            return queryset.filter(is_rsa_beneficiary=True).exclude(caf_number="")
        if value == RsaFilter.WITHOUT_CAF:
            return queryset.filter(is_rsa_beneficiary=True, caf_number="")
        if value == RsaFilter.NOT_RSA:
            return queryset.filter(is_rsa_beneficiary=False)
        return queryset

    def filter_jobs(self, queryset, name, value):
        # Any of the checked jobs; a subquery keeps one row per dossier (no DISTINCT needed).
        if not value:
            return queryset
        through = getattr(Candidate, name).through
        return queryset.filter(
            Exists(through.objects.filter(candidate_id=OuterRef("pk"), job_id__in=[job.pk for job in value]))
        )

    def filter_needs_review(self, queryset, name, value):
        if value == "yes":
            return queryset & Candidate.objects.inactive()
        return queryset
