"""Self-service of an accepted organisation's referent: access requests for colleagues, the HR contact."""

from django import forms
from wagtail.admin.forms.models import WagtailAdminModelForm

from portal.accounts.models import User

from .. import rules, services
from ..models import AccountRequest


class AccountRequestForm(WagtailAdminModelForm):
    class Meta:
        model = AccountRequest
        fields = ["last_name", "first_name", "email", "role"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        organisation = getattr(for_user, "organisation", None) if for_user else None
        allowed = rules.requestable_roles(organisation.category.code if organisation else None)
        self.fields["role"].choices = [(role.value, role.label) for role in allowed]
        if len(allowed) == 1:
            self.fields["role"].initial = allowed[0].value

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        services.check_account_request_email(email)
        return email


class ColleagueChoiceField(forms.ModelChoiceField):
    """A colleague shown by name and e-mail, so that two namesakes can be told apart."""

    def label_from_instance(self, user):
        return f"{user} — {user.email}" if user.email else str(user)


class HrContactForm(forms.Form):
    hr_contact = ColleagueChoiceField(
        label="Contact des ressources humaines",
        queryset=User.objects.none(),
        required=False,
        empty_label="Le référent de l'organisme",
        widget=forms.Select(attrs={"data-filter": "Rechercher un collègue (nom, courriel)"}),  # select-filter.js
        help_text="Reçoit les messages (avec CV) envoyés par les candidats depuis l'annuaire. "
        "Sans contact désigné, c'est le référent de l'organisme qui les reçoit.",
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        colleagues = services.hr_contact_candidates(organisation).order_by("last_name", "first_name")
        self.fields["hr_contact"].queryset = colleagues
