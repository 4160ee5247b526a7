"""The directory's facets: counts per value in one query, option labels from the cache.

Counting uses the usual faceted-search convention: a value's count is the number of organisations it
would list given the other filters. The six counts are one `UNION ALL` query. The options themselves
(reference lists and professional bodies) change rarely: they are cached and dropped whenever one of
their models is saved or deleted (`connect_invalidation`, called by the app's `ready`).
"""

from django.core.cache import cache
from django.db.models import CharField, Count, Value
from django.db.models.signals import post_delete, post_save

from portal.organisations.models import Activity, CompanyType, Department, Organisation, OrganisationCategory

OPTIONS_CACHE_KEY = "directory:facet-options"
OPTIONS_CACHE_TIMEOUT = 60 * 60  # a safety net: saves and deletes drop the entry anyway


def option_label(obj):
    if isinstance(obj, Department):
        return f"{obj.name} ({obj.code})"
    return str(obj)


def facet_options(filterset, facets):
    """{parameter: [(pk, key, label)]} of every facet, in the filters' order of options."""
    options = cache.get(OPTIONS_CACHE_KEY)
    if options is None:
        options = {}
        for name, _ in facets:
            flt = filterset.filters[name]
            key = flt.extra["to_field_name"]
            options[name] = [(obj.pk, getattr(obj, key), option_label(obj)) for obj in flt.get_queryset(None)]
        cache.set(OPTIONS_CACHE_KEY, options, OPTIONS_CACHE_TIMEOUT)
    return options


def facet_counts(filterset, facets):
    """{parameter: {pk: count}} for every facet, in one query."""
    parts = [
        Organisation.objects.filter(pk__in=filterset.filtered(exclude=name).values("pk"))
        .order_by()
        .values_list(field)
        .annotate(n=Count("pk", distinct=True), facet=Value(name, output_field=CharField()))
        .values_list("facet", field, "n")
        for name, field in facets
    ]
    counts = {name: {} for name, _ in facets}
    for facet, pk, n in parts[0].union(*parts[1:], all=True):
        if pk is not None:
            counts[facet][pk] = n
    return counts


def drop_cached_options(**kwargs):
    cache.delete(OPTIONS_CACHE_KEY)


def connect_invalidation():
    for model in (OrganisationCategory, CompanyType, Activity, Department, Organisation):
        post_save.connect(drop_cached_options, sender=model, dispatch_uid=f"directory-facets-{model.__name__}")
        post_delete.connect(drop_cached_options, sender=model, dispatch_uid=f"directory-facets-del-{model.__name__}")
