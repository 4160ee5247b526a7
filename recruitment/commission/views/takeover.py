"""'Stagiaires proposés hors vivier': the commission takes over the trainees proposed by a company."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone

from recruitment.perms import dossiers_for

from .. import perms, takeover
from ..forms import TakeOverForm
from .base import CommissionView

PAGE_TITLE = "Stagiaires proposés hors vivier"


class ProposalsMixin:
    header_icon = "user"

    def has_permission(self, user):
        return perms.may_take_over_proposals(user)

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]  # the extranet's home, without the sessions' crumb
        if self.page_title != PAGE_TITLE:
            items.append({"url": reverse("commission:proposals"), "label": PAGE_TITLE})
        items.append({"url": "", "label": self.get_page_title()})
        return items


class ProposalIndexView(ProposalsMixin, CommissionView):
    """The proposals not taken over yet, newest first."""

    template_name = "commission/proposals.html"
    page_title = PAGE_TITLE
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

    def get_proposal(self):
        return get_object_or_404(takeover.proposals(), pk=self.kwargs["pk"])

    def already_taken(self, proposal):
        when = timezone.localtime(proposal.taken_over_at)
        messages.warning(
            self.request,
            f"Le dossier de {proposal.candidate} a déjà été pris en charge par la commission "
            f"le {when:%d/%m/%Y à %H:%M}.",
        )
        return redirect("commission:proposals")

    def render_form(self, proposal, form):
        return self.render_to_response(self.get_context_data(proposal=proposal, form=form))

    def get(self, request, *args, **kwargs):
        proposal = self.get_proposal()
        if proposal.taken_over_at:
            return self.already_taken(proposal)
        return self.render_form(proposal, TakeOverForm())

    def post(self, request, *args, **kwargs):
        proposal = self.get_proposal()
        if proposal.taken_over_at:
            return self.already_taken(proposal)
        form = TakeOverForm(request.POST)
        if not form.is_valid():
            return self.render_form(proposal, form)
        organisation, contact = form.cleaned_data["organisation"], form.cleaned_data["organisation_contact"]
        try:
            proposal = takeover.take_over(
                proposal.pk,
                organisation=organisation,
                contact=contact,
                comment=form.cleaned_data["comment"],
                user=request.user,
            )
        except takeover.AlreadyTakenOver as taken:
            return self.already_taken(taken.proposal)
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_form(proposal, form)
        messages.success(
            request,
            f"Le dossier de {proposal.candidate} est pris en charge par la commission : il est désormais suivi par "
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
