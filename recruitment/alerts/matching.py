"""Which pool candidates a saved search matches, computed in the database with the pool search's own
filters (recruitment.sar.filters.PoolFilterSet) over the owner's pool (recruitment.sar.perms.pool_for:
published, with consent, not in the company's portfolio)."""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.http import urlencode

from recruitment.models import Candidate
from recruitment.sar import perms as sar_perms
from recruitment.sar.filters import PoolFilterSet

from . import rules
from .models import SearchMatch


def criteria_from(querydict):
    """The criteria of a pool query string (QueryDict) worth saving."""
    return rules.saved_criteria(querydict.lists(), set(PoolFilterSet.base_filters))


def as_querydict(criteria):
    data = QueryDict(mutable=True)
    for name, values in criteria.items():
        data.setlist(name, [str(value) for value in values])
    return data


def query_string(criteria):
    return urlencode(criteria, doseq=True)


def pool_filterset(criteria, user):
    return PoolFilterSet(as_querydict(criteria), queryset=sar_perms.pool_for(user))


def matching_candidates(search):
    """Candidates of the owner's pool the search matches now (none when its criteria no longer validate)."""
    filterset = pool_filterset(search.query, search.owner)
    return filterset.qs if filterset.is_valid() else Candidate.objects.none()


def describe(criteria, user):
    """[(filter label, "value, value")] of the criteria, in the pool's filter order (for the screens)."""
    filterset = pool_filterset(criteria, user)
    form = filterset.form
    form.is_valid()
    lines = []
    for name, field in form.fields.items():
        if name not in criteria:
            continue
        value = form.cleaned_data.get(name) if name in getattr(form, "cleaned_data", {}) else None
        if value in (None, "", []):
            shown = ", ".join(criteria[name])
        elif hasattr(value, "__iter__") and not isinstance(value, str):
            labels = {} if hasattr(field, "queryset") else dict(field.choices)
            shown = ", ".join(str(labels.get(item, item)) for item in value)
        elif hasattr(value, "strftime"):
            shown = value.strftime("%d/%m/%Y")
        else:
            shown = str(value)
        lines.append((str(field.label), shown))
    return lines


def _record(search, candidates, *, now, known):
    """INSERT ... SELECT: the candidates' ids go from the pool query to the table without reaching Python."""
    try:
        sql, params = candidates.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # an empty pool (the owner lost the pool search): nothing to record
        return 0
    table = connection.ops.quote_name(SearchMatch._meta.db_table)
    found_at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        # "WHERE true": SQLite needs it to read ON CONFLICT after an INSERT ... SELECT.
        cursor.execute(
            f"INSERT INTO {table} (search_id, candidate_id, found_at, known) "
            f"SELECT %s, new_ids.*, %s, %s FROM ({sql}) AS new_ids WHERE true ON CONFLICT DO NOTHING",
            (search.pk, found_at, known, *params),
        )
        return cursor.rowcount


def refresh(search, *, now=None, known=False):
    """Record the candidates the search matches that it never matched before (`known`: the owner sees
    them now), and forget the unknown ones it no longer matches. Returns the number recorded."""
    now = now or timezone.now()
    matches = matching_candidates(search)
    SearchMatch.objects.filter(search=search, known=False).exclude(candidate__in=matches.values("pk")).delete()
    recorded = SearchMatch.objects.filter(search=search).values("candidate_id")
    return _record(search, matches.exclude(pk__in=recorded), now=now, known=known)


def mark_known(search, *, now=None):
    """The owner opened the search: every candidate it matches now is known to them."""
    refresh(search, now=now, known=True)
    SearchMatch.objects.filter(search=search, known=False).update(known=True)


def new_matches(search):
    """Unknown matches still in the owner's pool and still matching (the pool may have moved since the
    last refresh: a candidate put in the portfolio, classified out of the pool, consent withdrawn)."""
    current = matching_candidates(search).values("pk")
    return SearchMatch.objects.filter(Q(search=search, known=False) & Q(candidate__in=current))
