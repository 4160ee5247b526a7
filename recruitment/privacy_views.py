"""Data-protection screens of a dossier: the right-of-access archive, the anonymisation confirmed by an
administrator, the erasure on request (with its reason), and the list "Dossiers à revoir (RGPD)"."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log as log_action

from . import perms, subject_access
from .access import AccessAction, record_access
from .models import Candidate
from .privacy import anonymise

REVIEW_PAGE_SIZE = 50


def _scoped_candidate(request, pk):
    return get_object_or_404(perms.dossiers_for(request.user), pk=pk)


@login_required
@require_GET
def personal_data_export(request, candidate_pk):
    """Right of access: one zip with the HTML summary, the JSON and every document of the dossier."""
    candidate = _scoped_candidate(request, candidate_pk)
    if not perms.may_export_personal_data(request.user, candidate):
        raise PermissionDenied
    record_access(request, candidate, AccessAction.EXPORT)
    log_action(candidate, "recruitment.export", user=request.user)
    response = HttpResponse(subject_access.build_archive(candidate), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{subject_access.archive_name(candidate)}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label="Motif de l'effacement",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "Indiquez le motif de l'effacement (la demande de la personne)."},
        help_text="Par exemple : demande reçue par courrier le 02/12/2026. N'indiquez ni le nom ni les coordonnées "
        "de la personne.",
    )

    def __init__(self, *args, required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required


def _erasure(request, candidate_pk, *, on_request):
    candidate = _scoped_candidate(request, candidate_pk)  # outside the scope: 404 first, like every route
    if not perms.may_anonymise(request.user):
        raise PermissionDenied
    if candidate.anonymised_at:
        messages.info(request, "Ce dossier est déjà anonymisé.")
        return redirect(reverse("recruitment_dossiers:edit", args=[candidate.pk]))
    form = ErasureForm(request.POST if request.method == "POST" else None, required=on_request)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            anonymise(candidate, user=request.user, reason=form.cleaned_data["reason"], on_request=on_request)
        messages.success(request, f"Dossier n° {candidate.pk} anonymisé : ses données personnelles sont effacées.")
        return redirect(reverse("recruitment_dossiers:index" if on_request else "recruitment_review:index"))
    return render(
        request,
        "recruitment/anonymise_confirm.html",
        {"candidate": candidate, "form": form, "on_request": on_request},
    )


@login_required
def anonymise_view(request, candidate_pk):
    """Anonymisation of a dossier to review (24 months without activity), confirmed by an administrator."""
    return _erasure(request, candidate_pk, on_request=False)


@login_required
def erase_view(request, candidate_pk):
    """ "Effacement à la demande": the same erasure at the person's request, whatever the dossier's activity."""
    return _erasure(request, candidate_pk, on_request=True)


class ReviewListView(WagtailAdminTemplateMixin, TemplateView):
    """ "Dossiers à revoir (RGPD)": the dossiers the daily task flagged, for the administrators."""

    template_name = "recruitment/privacy/review_list.html"
    page_title = "Dossiers à revoir (RGPD)"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not perms.may_anonymise(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        queryset = (
            Candidate.objects.flagged_for_review()
            .select_related("organisation", "employment_area", "status")
            .order_by("review_flagged_on", "updated_at", "pk")
        )
        organisation = self.request.GET.get("organisation", "")
        if organisation.isdigit():
            queryset = queryset.filter(organisation_id=organisation)
        context = super().get_context_data(**kwargs)
        context["page"] = Paginator(queryset, REVIEW_PAGE_SIZE).get_page(self.request.GET.get("p"))
        return context
