"""Forms of the extranet login and user screens (Wagtail's user management, with our custom fields)."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from .backends import inactive_account_message
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


class ExtranetLoginForm(LoginForm):
    """Wagtail's login form; the owner of an inactive account learns why (e.g. an application awaiting decision)."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            if error.code != "invalid_login":
                raise
            message = inactive_account_message(self.cleaned_data.get("username"), self.cleaned_data.get("password"))
            if not message:
                raise
            raise ValidationError(message, code="inactive") from None
