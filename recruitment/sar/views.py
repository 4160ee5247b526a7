"""Extranet views of the recruitment support module (pool search, Etudier, quick actions, files,
trainees proposed outside the pool). Every route is scoped through recruitment.sar.perms."""

import os
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.forms import CheckboxSelectMultiple
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from recruitment.access import AccessAction, record_access
from recruitment.choices import ReferenceChoices
from recruitment.commission.enums import MasteryLevel
from recruitment.commission.models import EmployabilityProfile, ProfileSkill
from recruitment.commission.synthesis import synthesis_context
from recruitment.models import Candidate, CandidateDocument, Job
from recruitment.views import _private_file_response

from . import fit, perms, ranking, rules, sheets
from .enums import DUPLICATE_SHEET_MESSAGE, OVERDUE_LOCK_MESSAGE, QuickAction
from .filters import PoolFilterSet

POOL_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
POOL_SORTS = {"classified_on": ("classified_on", "pk"), "-classified_on": ("-classified_on", "-pk")}


def allowed_if(predicate):
    """Refuse the view to whoever `predicate(user)` (a perms.may_* function) rejects (the extranet answers
    PermissionDenied by going back to its dashboard)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def overdue_sheets(user):
    """The user's own sheets past their due date: they lock the pool search."""
    return perms.own_sheets(user).overdue()


def _page_size(request):
    try:
        size = int(request.GET.get("per_page", POOL_PAGE_SIZE))
    except ValueError:
        return POOL_PAGE_SIZE
    return max(1, min(size, MAX_PAGE_SIZE))


def pool_results(user, data):
    """(filterset, ordered queryset) of the pool search."""
    filterset = PoolFilterSet(data, queryset=perms.pool_for(user))
    queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    sort = data.get("sort", "-classified_on")
    return filterset, queryset.order_by(*POOL_SORTS.get(sort, POOL_SORTS["-classified_on"]))


def paginate(queryset, number, size, page_ids=None):
    """Page of the pool in three constant queries: the COUNT; the page's ids, read from the pool's
    covering index in classification-date order (LIMIT stops after `size` matches) or given by
    `page_ids(offset, limit)` (the ranking by fit); their rows."""
    try:
        number = max(1, int(number or 1))
    except ValueError:
        number = 1
    paginator = Paginator(queryset.values_list("pk", flat=True), size)
    paginator.__dict__["count"] = queryset.count()  # cached_property; no ORDER BY in the COUNT
    page = paginator.page(min(number, paginator.num_pages))  # past the last page: show the last one
    if page_ids is not None:
        page.object_list = page_ids((page.number - 1) * size, size)
    columns = ("civility", "last_name", "first_name", "city", "classification", "classified_on", "employment_area")
    rows = (
        Candidate.objects.filter(pk__in=list(page.object_list))
        .select_related("employment_area")
        .only(*columns)
        .prefetch_related(Prefetch("current_jobs", queryset=Job.objects.only("pk", "name", "family_id")))
        .in_bulk()
    )
    page.object_list = [rows[pk] for pk in page.object_list]
    return page


def _choices(field, cached):
    """A field's choices; a model field's from the cached reference lists (recruitment.choices: read once,
    dropped when a list is edited; its ModelChoiceIterator would use .iterator(), a server-side cursor on
    PostgreSQL: three round trips per field)."""
    if getattr(field, "queryset", None) is None or getattr(field, "null_label", None) is not None:
        return field.choices
    return cached.options(field)


def filter_fields(form):
    """Filter fields with their options pre-rendered as plain data (checkbox widgets are slow to render)."""
    fields = []
    cached = ReferenceChoices()
    for bound in form:
        widget = bound.field.widget
        if isinstance(widget, CheckboxSelectMultiple):
            selected = {str(value) for value in (bound.value() or [])}
            options = [
                {"value": str(value), "label": label, "checked": str(value) in selected}
                for value, label in _choices(bound.field, cached)
            ]
            fields.append({"bound": bound, "options": options, "selected": sum(o["checked"] for o in options)})
        else:
            fields.append({"bound": bound, "options": None})
    cached.save()
    return fields


def decorate_with_profile(candidates):
    """Attach the employability profile shown in the result columns (study level, digital experience,
    skills grouped by theme) with a constant number of queries per page (plain values, no models)."""
    candidates = list(candidates)
    ids = [c.pk for c in candidates]
    profiles = {
        candidate_id: (level or "", band or "")
        for candidate_id, level, band in EmployabilityProfile.objects.filter(candidate_id__in=ids).values_list(
            "candidate_id", "study_level__name", "digital_experience__name"
        )
    }
    labels = dict(MasteryLevel.choices)
    skills_by_candidate = {}
    skills = (
        ProfileSkill.objects.filter(profile_id__in=ids)
        .order_by("skill__theme__order", "skill__theme__name", "skill__order", "skill__name")
        .values_list("profile_id", "skill__theme__name", "skill__name", "level")
    )
    for candidate_id, theme, skill, level in skills:
        skills_by_candidate.setdefault(candidate_id, []).append((theme, skill, labels.get(level, level)))
    for candidate in candidates:
        candidate.sar_study_level, candidate.sar_digital_experience = profiles.get(candidate.pk, ("", ""))
        grouped = {}
        for theme, skill, label in skills_by_candidate.get(candidate.pk, []):
            grouped.setdefault(theme, []).append((skill, label))
        candidate.sar_skills = list(grouped.items())
    return candidates


def locked_response(request):
    """The overdue lock's page when the user has sheets past their due date, else None."""
    # A plain EXISTS first: the listing of the overdue sheets (five joins) only for the locked page.
    if not overdue_sheets(request.user).exists():
        return None
    overdue = list(
        overdue_sheets(request.user)
        .select_related("candidate__employment_area", "candidate__situation", "created_by", "status", "result")
        .order_by("due_on", "pk")
    )
    # Said once, by the page itself (a flash message would repeat it above).
    return TemplateResponse(request, "sar/pool_locked.html", {"sheets": overdue, "message": OVERDUE_LOCK_MESSAGE})


@require_GET
@allowed_if(perms.may_search_pool)
def pool_search(request):
    locked = locked_response(request)
    if locked is not None:
        return locked
    filterset, queryset = pool_results(request.user, request.GET)
    has_criteria = any(any(request.GET.getlist(name)) for name in filterset.filters)
    page = paginate(queryset, request.GET.get("p"), _page_size(request))
    decorate_with_profile(page.object_list)
    query = request.GET.copy()
    query.pop("p", None)
    sort = request.GET.get("sort", "-classified_on")
    sort_query = request.GET.copy()
    sort_query.pop("p", None)
    sort_query["sort"] = "classified_on" if sort == "-classified_on" else "-classified_on"
    return TemplateResponse(
        request,
        "sar/pool.html",
        {
            "filterset": filterset,
            "filter_fields": filter_fields(filterset.form),
            "has_criteria": has_criteria,
            "page": page,
            "candidates": page.object_list,
            "query": query.urlencode(),
            "sort": sort,
            "sort_query": sort_query.urlencode(),
        },
    )


@require_GET
@allowed_if(perms.may_search_pool)
def pool_ranking(request):
    """'Classer par adéquation': the pool (narrowed by its filters in the query string) ordered by fit with
    the need described, each row with its explanation."""
    locked = locked_response(request)
    if locked is not None:
        return locked
    filterset, queryset = pool_results(request.user, request.GET)
    form = ranking.NeedForm(ranking.need_data(request.GET, getattr(filterset.form, "cleaned_data", {})))
    need = form.need()
    page = paginate(queryset, request.GET.get("p"), _page_size(request), ranking.page_ids(queryset, need))
    decorate_with_profile(page.object_list)
    ranking.explain_page(page.object_list, need)
    pool_query = QueryDict(mutable=True)
    for name in filterset.filters:
        values = [value for value in request.GET.getlist(name) if value]
        if values:
            pool_query.setlist(name, values)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "sar/ranking.html",
        {
            "form": form,
            "need": need,
            "possible_points": need.possible_points(),
            "weights": fit.WEIGHTS,
            "pool_params": [(name, value) for name in pool_query for value in pool_query.getlist(name)],
            "pool_criteria": len(pool_query),
            "pool_query": pool_query.urlencode(),
            "page": page,
            "first_rank": page.start_index(),
            "candidates": page.object_list,
            "query": query.urlencode(),
        },
    )


def _study_context(request, candidate):
    sheet = perms.sheets_for(request.user).filter(candidate=candidate).first()
    documents = CandidateDocument.objects.filter(candidate=candidate).order_by("sort_order", "pk")
    return {
        "candidate": candidate,
        "title": rules.study_title(
            candidate.get_civility_display(),
            candidate.last_name,
            candidate.first_name,
            candidate.employment_area,
            candidate.city,
        ),
        "sheet": sheet,
        "documents": documents,
        "jobs": candidate.current_jobs.select_related("family").order_by("family__order", "family__name", "name"),
        "quick_actions": QuickAction.choices if sheet is None else [],
        # Audience "company": never the internal documents or notes.
        "synthesis": synthesis_context(candidate, audience="company"),
    }


@require_GET
@allowed_if(perms.may_search_pool)
def study(request, pk):
    """'Etudier': the candidate's synthesis for companies, with the four quick actions."""
    candidate = get_object_or_404(
        perms.candidates_for(request.user).select_related("employment_area", "situation"), pk=pk
    )
    record_access(request, candidate, AccessAction.VIEW)
    return TemplateResponse(request, "sar/study.html", _study_context(request, candidate))


@require_POST
@allowed_if(perms.may_search_pool)
def quick_action(request, pk):
    action = request.POST.get("action")
    if action not in QuickAction.values:
        raise Http404
    candidate = get_object_or_404(perms.candidates_for(request.user), pk=pk)
    existing = perms.sheets_for(request.user).filter(candidate=candidate).first()
    if existing is not None:
        messages.info(request, DUPLICATE_SHEET_MESSAGE)
        return redirect("sar_sheets:edit", existing.pk)
    sheet, created = sheets.create_from_quick_action(user=request.user, candidate=candidate, quick_action=action)
    if created:
        messages.success(request, f"La fiche de suivi « {sheet} » a été créée dans votre portefeuille.")
    else:
        messages.info(request, DUPLICATE_SHEET_MESSAGE)
    return redirect("sar_sheets:edit", sheet.pk)


@require_GET
@allowed_if(perms.may_search_pool)
def document(request, candidate_pk, pk):
    """A document transmitted by the candidate (never an internal one), for a candidate the company may study."""
    candidate = get_object_or_404(perms.candidates_for(request.user), pk=candidate_pk)
    doc = get_object_or_404(CandidateDocument, pk=pk, candidate=candidate)
    record_access(request, candidate, AccessAction.DOCUMENT)
    extension = os.path.splitext(doc.file.name)[1]
    filename = doc.title if doc.title.lower().endswith(extension.lower()) else f"{doc.title}{extension}"
    return _private_file_response(doc.file, filename)
