"""Trainees proposed by a company outside the pool (a candidate dossier with the channel "company")."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.log_actions import log as log_action

from recruitment.enums import SITUATION_JOB_SEEKING, STATUS_CONSTITUTION
from recruitment.models import ApplicationChannel, DossierStatus, Situation, reference_row

from . import perms
from .enums import COMPANY_CHANNEL
from .forms import ProposedTraineeForm
from .models import ProposedTrainee
from .views import allowed_if


@allowed_if(perms.may_propose_trainees)
def propose(request):
    """'Proposer un stagiaire hors vivier NEGE': creates the dossier, owned by the company."""
    form = ProposedTraineeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            candidate = form.save(commit=False)
            candidate.organisation_id = request.user.organisation_id
            candidate.organisation_contact = request.user
            candidate.channel = ApplicationChannel.objects.get(code=COMPANY_CHANNEL)
            candidate.situation = reference_row(Situation, SITUATION_JOB_SEEKING)
            candidate.status = reference_row(DossierStatus, STATUS_CONSTITUTION)
            candidate.created_by = request.user
            candidate.save()
            form.save_m2m()
            trainee = ProposedTrainee.objects.create(
                candidate=candidate,
                company_id=request.user.organisation_id,
                proposed_by=request.user,
                training_need=form.cleaned_data.get("training_need"),
            )
            log_action(candidate, "wagtail.create", user=request.user)
        messages.success(request, f"Le dossier de {candidate} a été créé : finalisez-le avant de le transmettre.")
        return redirect("sar_trainees:edit", trainee.pk)
    return TemplateResponse(
        request, "sar/trainee_form.html", {"form": form, "title": "Proposer un stagiaire hors vivier NEGE"}
    )


@allowed_if(perms.may_complete_trainees)
def index(request):
    """'Finaliser les dossiers de candidats hors vivier': the company's dossiers not yet taken over."""
    trainees = perms.proposed_trainees_for(request.user).select_related(
        "candidate__employment_area", "proposed_by", "training_need"
    )
    return TemplateResponse(request, "sar/trainee_index.html", {"trainees": trainees})


@allowed_if(perms.may_complete_trainees)
def edit(request, pk):
    trainee = get_object_or_404(perms.proposed_trainees_for(request.user).select_related("candidate"), pk=pk)
    form = ProposedTraineeForm(
        request.POST or None,
        instance=trainee.candidate,
        user=request.user,
        initial={"training_need": trainee.training_need_id},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            trainee.training_need = form.cleaned_data.get("training_need")
            trainee.save(update_fields=["training_need"])
            log_action(trainee.candidate, "wagtail.edit", user=request.user)
        messages.success(request, "Le dossier a été enregistré.")
        return redirect("sar_trainees:edit", trainee.pk)
    return TemplateResponse(
        request, "sar/trainee_form.html", {"form": form, "trainee": trainee, "title": f"Dossier de {trainee.candidate}"}
    )


@require_POST
@allowed_if(perms.may_complete_trainees)
def finalise(request, pk):
    """The company hands the dossier to the commission (it stays editable until taken over)."""
    trainee = get_object_or_404(perms.proposed_trainees_for(request.user), pk=pk)
    trainee.finalised_at = timezone.now()
    trainee.save(update_fields=["finalised_at"])
    messages.success(request, "Le dossier est finalisé et transmis à la commission.")
    return redirect("sar_trainees:index")
