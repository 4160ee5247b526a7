"""The directory's facets: counts per value in one query, option labels from the cache.

Counting uses the usual faceted-search convention: a value's count is the number of organisations it
would list given the other filters. The six counts are one `UNION ALL` query, whose result is cached
per combination of facet values and search words (a few hundred bytes each, for five minutes) under the
directory's version. The options themselves (reference lists and professional bodies) change rarely:
they are cached too. Saving or deleting an organisation or a reference list row, or changing an
organisation's activities or départements, drops the options and renews the version
(`connect_invalidation`, called by the app's `ready`).
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db.models import CharField, Count, Value
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.organisations.models import Activity, CompanyType, Department, Organisation, OrganisationCategory

from .search import normalise

OPTIONS_CACHE_KEY = "directory:facet-options"
OPTIONS_CACHE_TIMEOUT = 60 * 60  # a safety net: saves and deletes drop the entry anyway
VERSION_KEY = "directory:version"
COUNTS_CACHE_KEY = "directory:facet-counts:{version}:{digest}"
COUNTS_CACHE_TIMEOUT = 5 * 60  # a safety net (e.g. a queryset.update() sends no signal)
TEXT_PARAMETER = "q"
MAX_WORDS = 10  # DirectoryFilter.filter_text reads as many


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


def directory_version():
    return cache.get(VERSION_KEY) or renew_version()


def renew_version():
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    return version


def _counts_key(filterset, facets):
    """The cache key of these filters' counts (the words of a search as the filter reads them)."""
    cleaned = filterset.form.cleaned_data if filterset.is_bound and filterset.form.is_valid() else {}
    words = normalise(cleaned.get(TEXT_PARAMETER) or "").split()[:MAX_WORDS]
    selected = [(name, sorted(str(obj.pk) for obj in cleaned.get(name) or ())) for name, _ in facets]
    selected.append((TEXT_PARAMETER, words))
    digest = hashlib.sha256(repr(selected).encode()).hexdigest()[:32]
    return COUNTS_CACHE_KEY.format(version=directory_version(), digest=digest)


def facet_counts(filterset, facets):
    """{parameter: {pk: count}} for every facet: one query, or none when these filters were counted."""
    key = _counts_key(filterset, facets)
    counts = cache.get(key) if key else None
    if counts is None:
        counts = count_facets(filterset, facets)
        if key:
            cache.set(key, counts, COUNTS_CACHE_TIMEOUT)
    return counts


def count_facets(filterset, facets):
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
    renew_version()


def connect_invalidation():
    for model in (OrganisationCategory, CompanyType, Activity, Department, Organisation):
        post_save.connect(drop_cached_options, sender=model, dispatch_uid=f"directory-facets-{model.__name__}")
        post_delete.connect(drop_cached_options, sender=model, dispatch_uid=f"directory-facets-del-{model.__name__}")
    for field in ("activities", "establishment_departments", "intervention_departments"):
        through = getattr(Organisation, field).through
        m2m_changed.connect(drop_cached_options, sender=through, dispatch_uid=f"directory-facets-m2m-{field}")
