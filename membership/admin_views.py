"""Extranet views of membership: the board's review screen, access requests, the HR contact."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.organisations.enums import CategoryCode

from . import services
from .enums import AccountRequestState, ApplicationState, Decision
from .forms import DecisionForm
from .models import AccountRequest, MembershipApplication
from .perms import can_approve_account_requests, can_decide_applications, is_organisation_referent

# Applications ----------------------------------------------------------------------------


class ApplicationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("applicant", "organisation")

    def get_edit_url(self, instance):
        return None  # no free editing: the review screen records the decision


class ApplicationHistoryView(HistoryView):
    """The board may read the history (submission, decision) of what it reviews."""

    any_permission_required = ["view"]


class ApplicationReviewView(InspectView):
    """The whole application, its expected fee, and (while pending) the decision form."""

    template_name = "membership/admin/application_review.html"
    any_permission_required = ["view"]

    def get_object(self, queryset=None):
        return get_object_or_404(
            MembershipApplication.objects.select_related("applicant", "organisation", "decided_by"), pk=self.pk
        )

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
        context["summary"] = services.application_summary(application)
        context["quote"] = services.organisation_fee(application)
        context["can_decide"] = application.state == ApplicationState.PENDING and can_decide_applications(
            self.request.user
        )
        context.setdefault("decision_form", DecisionForm())
        return context

    def post(self, request, *args, **kwargs):
        if not can_decide_applications(request.user):
            raise PermissionDenied
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form))
        try:
            if form.cleaned_data["decision"] == Decision.ACCEPT:
                services.accept_application(self.object, request.user, form.cleaned_data["comment"])
                messages.success(request, f"Demande de « {self.object} » acceptée : le demandeur est prévenu.")
            else:
                services.refuse_application(self.object, request.user, form.cleaned_data["comment"])
                messages.success(request, f"Demande de « {self.object} » refusée : le demandeur est prévenu.")
        except services.StateError as error:
            messages.error(request, str(error))
        return redirect(self.index_url_name)


# Access requests -----------------------------------------------------------------------------


class AccountRequestForm(WagtailAdminModelForm):
    class Meta:
        model = AccountRequest
        fields = ["last_name", "first_name", "email", "role"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.organisation = getattr(for_user, "organisation", None) if for_user else None
        category = self.organisation.category.code if self.organisation else None
        allowed = {
            CategoryCode.COMPANY: [Role.COMPANY_RECRUITER],
            CategoryCode.EMPLOYMENT_PARTNER: [Role.EMPLOYMENT_ADVISER],
        }.get(category, [Role.COMPANY_RECRUITER, Role.EMPLOYMENT_ADVISER])
        self.fields["role"].choices = [(role.value, role.value) for role in allowed]  # the French name is the value
        if len(allowed) == 1:
            self.fields["role"].initial = allowed[0].value

    def clean(self):
        cleaned = super().clean()
        if self.organisation is None or not self.organisation.is_accepted:
            raise forms.ValidationError("Seul le référent d'un organisme adhérent peut demander des accès.")
        return cleaned

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("Un compte existe déjà avec cette adresse de courriel.")
        if AccountRequest.objects.filter(email__iexact=email, state=AccountRequestState.PENDING).exists():
            raise forms.ValidationError("Une demande d'accès est déjà en attente pour cette adresse de courriel.")
        return email


class AccountRequestIndexView(IndexView):
    def get_base_queryset(self):
        return AccountRequest.objects.for_user(self.request.user).select_related("organisation", "requested_by")

    def get_edit_url(self, instance):
        return None


class AccountRequestCreateView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        if not is_organisation_referent(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        data = {name: self.form.cleaned_data[name] for name in AccountRequestForm.Meta.fields}
        return services.request_account(self.request.user.organisation, self.request.user, data)

    def get_edit_url(self):
        return reverse("membership_account_requests:inspect", args=[self.object.pk])

    def get_success_message(self, instance):
        return "Demande d'accès transmise : un administrateur va la traiter."


class ScopedAccountRequestMixin:
    """History and usage screens only for the requests the user may see."""

    def get_base_object_queryset(self):
        return AccountRequest.objects.for_user(self.request.user)


class AccountRequestHistoryView(ScopedAccountRequestMixin, HistoryView):
    any_permission_required = ["view"]


class AccountRequestUsageView(ScopedAccountRequestMixin, UsageView):
    pass


class AccountRequestReviewView(InspectView):
    template_name = "membership/admin/account_request_review.html"
    any_permission_required = ["view"]

    def get_object(self, queryset=None):
        return get_object_or_404(
            AccountRequest.objects.for_user(self.request.user).select_related("organisation"), pk=self.pk
        )

    def get_edit_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account_request"] = self.object
        context["can_approve"] = self.object.state == AccountRequestState.PENDING and can_approve_account_requests(
            self.request.user
        )
        return context

    def post(self, request, *args, **kwargs):
        if not can_approve_account_requests(request.user):
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


class HrContactForm(forms.Form):
    hr_contact = forms.ModelChoiceField(
        label="Contact des ressources humaines",
        queryset=User.objects.none(),
        required=False,
        empty_label="Le référent de l'organisme",
        help_text="Reçoit les messages (avec CV) envoyés par les candidats depuis l'annuaire. "
        "Sans contact désigné, c'est le référent de l'organisme qui les reçoit.",
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hr_contact"].queryset = User.objects.filter(organisation=organisation, is_active=True)


def hr_contact_view(request):
    """The referent designates the HR contact among the organisation's users."""
    if not is_organisation_referent(request.user):
        raise PermissionDenied
    organisation = request.user.organisation
    if request.method == "POST":
        form = HrContactForm(request.POST, organisation=organisation)
        if form.is_valid():
            organisation.hr_contact = form.cleaned_data["hr_contact"]
            organisation.save(update_fields=["hr_contact", "updated_at"])
            messages.success(request, "Contact des ressources humaines enregistré.")
            return redirect(reverse("membership_hr_contact"))
    else:
        form = HrContactForm(initial={"hr_contact": organisation.hr_contact_id}, organisation=organisation)
    return TemplateResponse(request, "membership/admin/hr_contact.html", {"form": form, "organisation": organisation})
