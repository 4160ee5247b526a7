"""Forms of the extranet user screens (Wagtail's user management, with our custom fields)."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm

from .enums import Civility

PROFILE_FIELDS = ["civility", "function", "organisation", "mobile_phone", "landline_phone"]


class ExtranetUserCreationForm(UserCreationForm):
    civility = forms.ChoiceField(label="Civilité", choices=[("", "---------"), *Civility.choices], required=False)

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class ExtranetUserEditForm(UserEditForm):
    civility = forms.ChoiceField(label="Civilité", choices=[("", "---------"), *Civility.choices], required=False)

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PROFILE_FIELDS)
