"""Extranet login and password reset, with the rate limits of `portal/limits.py` (design explained there)."""

from django.http import HttpResponseRedirect
from wagtail.admin.views.account import LoginView, PasswordResetView

from portal import limits


class RateLimitedLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        identifier = request.POST.get("username", "")
        message = limits.login_refusal(request, identifier)
        if message:
            # No password is checked; the typed username stays in the field.
            response = self.form_invalid(limits.refuse(self.get_form(), message))
            response.status_code = 429
            return response
        response = super().post(request, *args, **kwargs)
        if not request.user.is_authenticated:
            limits.record_login_failure(request, identifier)
        return response


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's reset form; over a limit, no e-mail is sent but the answer is the usual one."""

    def form_valid(self, form):
        if limits.password_reset_allowed(self.request, form.cleaned_data["email"]):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())  # what the view answers after sending
