"""The directory's filters, shared by the public page and the API.

Filters combine with AND; several values of the same filter combine with OR (e.g. two
activities: organisations with either). Parameters are short French words so that a
filtered list has a readable, shareable URL.
"""

import django_filters
from django import forms
from django.db.models import Prefetch, Q
from wagtail.images import get_image_model

from portal.organisations.enums import CategoryCode
from portal.organisations.models import Activity, CompanyType, Department, Organisation, OrganisationCategory

from .facets import facet_counts, facet_options
from .search import normalise, normalised

# (parameter, Organisation field): the filters that get counts per value.
FACETS = [
    ("categorie", "category"),
    ("type", "company_type"),
    ("activite", "activities"),
    ("etablissement", "establishment_departments"),
    ("intervention", "intervention_departments"),
    ("affiliation", "affiliation"),
]
QUERY_PARAMETERS = frozenset(["q", *(name for name, _ in FACETS)])
LOGO_LIST_RENDITION = "fill-160x160"


def listed_organisations():
    """What the public may see: accepted members only (never pending, refused, suspended)."""
    return Organisation.objects.accepted()


def professional_bodies():
    return listed_organisations().filter(category__code=CategoryCode.PROFESSIONAL_BODY)


def _active(model):
    return lambda request: model.objects.filter(is_active=True)


def _multi(field_name, queryset, label, to_field_name="pk"):
    # `queryset` is a callable(request): evaluated per filterset, never at import (models may not be ready).
    # django-filter compares `field_name` with the value's `to_field_name` attribute.
    return django_filters.ModelMultipleChoiceFilter(
        field_name=field_name if to_field_name == "pk" else f"{field_name}__{to_field_name}",
        queryset=queryset,
        to_field_name=to_field_name,
        label=label,
        widget=forms.CheckboxSelectMultiple,
    )


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Rechercher (nom, présentation)")
    categorie = _multi("category", _active(OrganisationCategory), "Catégorie", "code")
    type = _multi("company_type", _active(CompanyType), "Type d'entreprise")
    activite = _multi("activities", _active(Activity), "Activités principales")
    etablissement = _multi("establishment_departments", _active(Department), "Départements d'établissement", "code")
    intervention = _multi("intervention_departments", _active(Department), "Départements d'intervention", "code")
    affiliation = _multi("affiliation", lambda request: professional_bodies(), "Affiliation", "slug")

    class Meta:
        model = Organisation
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset if queryset is not None else listed_organisations(), **kwargs)

    def filter_text(self, queryset, name, value):
        """Every word must appear in the name or the presentation, ignoring accents and case."""
        words = normalise(value).split()
        if not words:
            return queryset
        queryset = queryset.alias(_name=normalised("name"), _presentation=normalised("presentation"))
        for word in words[:10]:
            queryset = queryset.filter(Q(_name__contains=word) | Q(_presentation__contains=word))
        return queryset

    def filtered(self, exclude=None):
        """The queryset with every valid filter applied except `exclude` (for its facet counts)."""
        queryset = self.queryset
        cleaned = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        for name, value in cleaned.items():
            if name != exclude:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def active(self):
        return self.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values())

    def facets(self):
        """[(parameter, label, [(value, label, count, checked)])]: counts in one query, labels cached."""
        cleaned = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        counts = facet_counts(self, FACETS)
        options = facet_options(self, FACETS)
        result = []
        for name, _ in FACETS:
            flt = self.filters[name]
            selected = {getattr(obj, flt.extra["to_field_name"]) for obj in cleaned.get(name) or ()}
            shown = []
            for pk, key, label in options[name]:
                count = counts[name].get(pk, 0)
                if count or key in selected:
                    shown.append((key, label, count, key in selected))
            result.append((name, flt.label, shown))
        return result


def with_list_data(queryset):
    """What a directory card shows, in a fixed number of queries whatever the page size."""
    return queryset.select_related("category", "company_type").prefetch_related(
        Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_LIST_RENDITION))
    )
