"""Extranet views of membership: the board's review screen, access requests, the HR contact."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

from portal.limits import ACCESS_REQUEST_PER_CLIENT, ACCESS_REQUEST_PER_USER, first_exceeded

from . import perms, services
from .enums import AccountRequestState, ApplicationState, Decision
from .forms.account_requests import HrContactForm
from .forms.decision import DecisionForm
from .models import AccountRequest, MembershipApplication
from .quotes import organisation_fee
from .summary import application_summary

# Applications ----------------------------------------------------------------------------


class ApplicationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("applicant", "organisation")

    def get_edit_url(self, instance):
        return None  # no free editing: the review screen records the decision


class ReadHistoryView(HistoryView):
    """Whoever may read an object may read its history (submission, decision)."""

    any_permission_required = ["view"]


class ReadUsageView(UsageView):
    """Nobody edits these objects: reading one is enough to see where it is used."""

    permission_required = None
    any_permission_required = ["view"]


class ApplicationReviewView(InspectView):
    """The whole application, its expected fee, and (while pending) the decision form."""

    template_name = "membership/admin/application_review.html"
    any_permission_required = ["view"]

    def get_object(self, queryset=None):
        queryset = MembershipApplication.objects.select_related("applicant", "organisation", "decided_by")
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_page_title(self):
        return "Demande d'adhésion"

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        context["application"] = application
        context["summary"] = application_summary(application)
        context["quote"] = organisation_fee(application)
        context["can_decide"] = application.state == ApplicationState.PENDING and perms.can_decide_applications(
            self.request.user
        )
        context.setdefault("decision_form", DecisionForm())
        return context

    def post(self, request, *args, **kwargs):
        if not perms.can_decide_applications(request.user):
            raise PermissionDenied
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form))
        decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
        try:
            if decision == Decision.ACCEPT:
                services.accept_application(self.object, request.user, comment)
                messages.success(request, f"Demande de « {self.object} » acceptée : le demandeur est prévenu.")
            else:
                services.refuse_application(self.object, request.user, comment)
                messages.success(request, f"Demande de « {self.object} » refusée : le demandeur est prévenu.")
        except services.StateError as error:
            messages.error(request, str(error))
        return redirect(self.index_url_name)


# Access requests -----------------------------------------------------------------------------


class AccountRequestIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("organisation", "requested_by")

    def get_edit_url(self, instance):
        return None


class AccountRequestCreateView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        if not perms.can_request_accounts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        data = {name: self.form.cleaned_data[name] for name in ("last_name", "first_name", "email", "role")}
        return services.request_account(self.request.user, **data)

    def form_valid(self, form):
        exceeded = first_exceeded(self.request, ACCESS_REQUEST_PER_CLIENT, ACCESS_REQUEST_PER_USER)
        if exceeded:
            form.add_error(None, exceeded.message)
            self.produced_error_message = self.get_error_message()  # Wagtail lists the form's errors with it
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)

    def get_edit_url(self):
        return reverse("membership_account_requests:inspect", args=[self.object.pk])

    def get_success_message(self, instance):
        return "Demande d'accès transmise : un administrateur va la traiter."


class AccountRequestReviewView(InspectView):
    template_name = "membership/admin/account_request_review.html"
    any_permission_required = ["view"]

    def get_object(self, queryset=None):
        queryset = AccountRequest.objects.select_related("organisation", "requested_by")
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))  # the scope was checked in setup()

    def get_edit_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account_request"] = self.object
        context["can_approve"] = self.object.state == AccountRequestState.PENDING and (
            perms.can_approve_account_requests(self.request.user)
        )
        return context

    def post(self, request, *args, **kwargs):
        if not perms.can_approve_account_requests(request.user):
            raise PermissionDenied
        try:
            if request.POST.get("decision") == "approve":
                user = services.approve_account_request(self.object, request.user)
                messages.success(
                    request,
                    f"Compte « {user.username} » créé : un lien pour choisir son mot de passe lui a été envoyé.",
                )
            elif request.POST.get("decision") == "refuse":
                services.refuse_account_request(self.object, request.user, request.POST.get("comment", ""))
                messages.success(request, "Demande refusée : le référent est prévenu.")
            else:
                messages.error(request, "Choisissez d'accepter ou de refuser la demande.")
                return redirect(request.path)
        except services.StateError as error:
            messages.error(request, str(error))
        return redirect(self.index_url_name)


# HR contact ---------------------------------------------------------------------------------------


def hr_contact_view(request):
    """The referent designates the HR contact among the organisation's users."""
    if not perms.can_designate_hr_contact(request.user):
        raise PermissionDenied
    organisation = request.user.organisation
    if request.method == "POST":
        form = HrContactForm(request.POST, organisation=organisation)
        if form.is_valid():
            try:
                services.designate_hr_contact(organisation, form.cleaned_data["hr_contact"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Contact des ressources humaines enregistré.")
                return redirect(reverse("membership_hr_contact"))
    else:
        form = HrContactForm(initial={"hr_contact": organisation.hr_contact_id}, organisation=organisation)
    return TemplateResponse(request, "membership/admin/hr_contact.html", {"form": form, "organisation": organisation})
