"""The commission takes over the trainees proposed by a company outside the pool (DESIGN 3.3).

Until then the dossier belongs to the company (recruitment.sar.perms.proposed_trainees_for); taking it
over hands it to an employment partner and its contact point, and the company loses it.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log as log_action

from recruitment.perms import dossiers_for
from recruitment.sar.models import ProposedTrainee

from . import perms
from .forms import TakeOverForm
from .views import CommissionView

TAKE_OVER_ACTION = "commission.take_over"


class ProposalsMixin:
    header_icon = "user"

    def has_permission(self, user):
        return perms.may_take_over_proposals(user)

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]  # the extranet's home, without the sessions' crumb
        if self.page_title != ProposalIndexView.page_title:
            items.append({"url": reverse("commission:proposals"), "label": ProposalIndexView.page_title})
        items.append({"url": "", "label": self.get_page_title()})
        return items


class ProposalIndexView(ProposalsMixin, CommissionView):
    """'Stagiaires proposés hors vivier': the proposals not taken over yet, newest first."""

    template_name = "commission/proposals.html"
    page_title = "Stagiaires proposés hors vivier"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        proposals = (
            perms.proposals_to_take_over(self.request.user)
            .select_related("candidate", "candidate__employment_area", "company", "proposed_by", "training_need")
            .order_by("-proposed_at", "-pk")
        )
        page = Paginator(proposals, self.paginate_by).get_page(self.request.GET.get("p"))
        context = super().get_context_data(**kwargs)
        context.update(page=page)
        return context


class TakeOverView(ProposalsMixin, CommissionView):
    """'Prendre en charge': choose the employment partner and its contact point, then reassign the dossier."""

    template_name = "commission/take_over.html"
    page_title = "Prendre en charge un stagiaire proposé hors vivier"

    def get_proposal(self, *, lock=False):
        queryset = ProposedTrainee.objects.select_related(
            "candidate",
            "candidate__employment_area",
            "candidate__organisation",
            "candidate__organisation_contact",
            "company",
            "proposed_by",
            "training_need",
        )
        if lock:
            queryset = queryset.select_for_update(of=("self",))
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def already_taken(self, proposal):
        when = timezone.localtime(proposal.taken_over_at)
        messages.warning(
            self.request,
            f"Le dossier de {proposal.candidate} a déjà été pris en charge par la commission "
            f"le {when:%d/%m/%Y à %H:%M}.",
        )
        return redirect("commission:proposals")

    def render_form(self, proposal, form, status=200):
        context = self.get_context_data(proposal=proposal, form=form)
        return self.render_to_response(context, status=status)

    def get(self, request, *args, **kwargs):
        proposal = self.get_proposal()
        if proposal.taken_over_at:
            return self.already_taken(proposal)
        return self.render_form(proposal, TakeOverForm())

    def post(self, request, *args, **kwargs):
        form = TakeOverForm(request.POST)
        with transaction.atomic():
            # Locked: two members of the commission cannot take the same dossier over twice.
            proposal = self.get_proposal(lock=True)
            if proposal.taken_over_at:
                return self.already_taken(proposal)
            if not form.is_valid():
                return self.render_form(proposal, form)
            candidate = proposal.candidate
            old_organisation, old_contact = candidate.organisation, candidate.organisation_contact
            organisation = form.cleaned_data["organisation"]
            contact = form.cleaned_data["organisation_contact"]
            candidate.organisation = organisation
            candidate.organisation_contact = contact
            candidate.save(update_fields=["organisation", "organisation_contact"])
            proposal.taken_over_at = timezone.now()
            proposal.save(update_fields=["taken_over_at"])
            log_action(
                candidate,
                TAKE_OVER_ACTION,
                user=request.user,
                data={
                    "company": str(proposal.company),
                    "changes": [
                        {"field": "Organisme", "old": str(old_organisation), "new": str(organisation)},
                        {"field": "Point de contact", "old": str(old_contact), "new": str(contact)},
                    ],
                    "comment": form.cleaned_data["comment"],
                },
            )
        messages.success(
            request,
            f"Le dossier de {candidate} est pris en charge par la commission : il est désormais suivi par "
            f"{organisation} (point de contact : {contact}). L'entreprise {proposal.company} ne peut plus le modifier.",
        )
        return redirect("commission:proposals")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = kwargs.get("proposal")
        if proposal is not None:
            context["dossier_url"] = (
                reverse("recruitment_dossiers:edit", args=[proposal.candidate_id])
                if dossiers_for(self.request.user).filter(pk=proposal.candidate_id).exists()
                else ""
            )
        return context


def format_take_over(log_entry):
    """The history line of a take-over: who (the entry's user), when (its timestamp), old → new."""
    data = log_entry.data or {}
    changes = " ; ".join(f"{c['field']} : {c['old'] or '—'} → {c['new'] or '—'}" for c in data.get("changes", []))
    message = f"Prise en charge par la commission du dossier proposé par {data.get('company') or 'une entreprise'}"
    if changes:
        message += f" — {changes}"
    if data.get("comment"):
        message += f" — Commentaire : {data['comment']}"
    return message
