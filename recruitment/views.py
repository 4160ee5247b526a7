"""Routes around the dossier screens, all scoped by recruitment.perms.dossiers_for (404 outside the scope)."""

import os

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from portal.accounts.models import User

from . import duplicates, perms
from .access import AccessAction, record_access
from .models import Candidate, CandidateDocument, City, ConsentTerms, InternalDocument
from .rules import duplicate_error, normalize

DOCUMENT_KINDS = {"candidat": CandidateDocument, "interne": InternalDocument}


def _scoped_candidate(request, pk):
    return get_object_or_404(perms.dossiers_for(request.user), pk=pk)


def _private_file_response(field_file, filename):
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("Fichier introuvable.") from exc
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type="application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def document(request, candidate_pk, kind, pk):
    candidate = _scoped_candidate(request, candidate_pk)
    model = DOCUMENT_KINDS.get(kind)
    if model is None:
        raise Http404
    doc = get_object_or_404(model, pk=pk, candidate=candidate)
    record_access(request, candidate, AccessAction.DOCUMENT)
    extension = os.path.splitext(doc.file.name)[1]
    filename = doc.title if doc.title.lower().endswith(extension.lower()) else f"{doc.title}{extension}"
    return _private_file_response(doc.file, filename)


@login_required
@require_GET
def consent_proof(request, candidate_pk):
    candidate = _scoped_candidate(request, candidate_pk)
    if not candidate.has_consent or not candidate.consent.file:
        raise Http404
    record_access(request, candidate, AccessAction.DOCUMENT)
    extension = os.path.splitext(candidate.consent.file.name)[1]
    return _private_file_response(candidate.consent.file, f"consentement-{candidate.pk}{extension}")


@login_required
@require_GET
def cities(request):
    """Cities already entered (names only), for the dossier form's autocomplete."""
    if not perms.may_access_dossiers(request.user):
        raise PermissionDenied
    key = normalize(request.GET.get("q", ""))
    if len(key) < 2:
        return JsonResponse({"results": []})
    names = list(City.objects.filter(key__contains=key).order_by("name").values_list("name", flat=True)[:20])
    return JsonResponse({"results": names})


@login_required
@require_GET
def candidate_names(request):
    """Names of the dossiers the user may see, for the search's name filter."""
    if not perms.may_access_dossiers(request.user):
        raise PermissionDenied
    term = request.GET.get("q", "").strip()
    if len(term) < 2:
        return JsonResponse({"results": []})
    rows = perms.dossiers_for(request.user).name_contains(term).order_by("last_name", "first_name", "pk")
    return JsonResponse(
        {"results": [f"{last} {first}" for last, first in rows.values_list("last_name", "first_name")[:20]]}
    )


@login_required
@require_GET
def organisation_users(request):
    """The people of an employment partner, for the "point de contact" list (depends on the organisation)."""
    if not perms.may_access_dossiers(request.user):
        raise PermissionDenied
    org_id = request.GET.get("organisation", "")
    if not org_id.isdigit():
        return JsonResponse({"results": []})
    if not perms.sees_all_dossiers(request.user) and int(org_id) != request.user.organisation_id:
        raise Http404
    users = User.objects.filter(organisation_id=org_id, is_active=True).order_by("last_name", "first_name")
    return JsonResponse({"results": [{"id": u.pk, "label": str(u)} for u in users]})


@login_required
@ratelimit(key="user", rate="60/m", block=True)
def check_duplicates(request):
    """The uniqueness check button: names only, across all organisations (rate-limited: it is an oracle)."""
    if not request.user.has_perm("recruitment.add_candidate"):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else request.GET
    has_id = data.get("has_france_travail_id") in ("True", "true", "1")
    keys = duplicates.identity_keys(
        france_travail_id=data.get("france_travail_id", "") if has_id else "",
        last_name=data.get("last_name", ""),
        first_name=data.get("first_name", ""),
        city=data.get("city", ""),
    )
    names = Candidate.objects.duplicate_names(*keys)
    if names:
        # The same words as the refusal on save (one message, one place).
        message = duplicate_error(names).messages[0]
    else:
        message = "Aucun dossier existant n'a été trouvé pour ce candidat : vous pouvez poursuivre la saisie."
    return JsonResponse({"duplicates": names, "message": message})


@login_required
@require_GET
def terms(request):
    """The current conditions of use of personal data (linked from the consent panel)."""
    return render(request, "recruitment/terms.html", {"terms": ConsentTerms.current()})
