"""Extranet login with a rate limit per IP address and per identifier."""

from django_ratelimit.core import is_ratelimited
from wagtail.admin.views.account import LoginView

LOGIN_RATE = "10/5m"
RATE_LIMIT_MESSAGE = "Trop de tentatives de connexion. Par sécurité, patientez quelques minutes avant de réessayer."


def _identifier_key(group, request):
    return (request.POST.get("username") or "").strip().lower()


class RateLimitedLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        limited_ip = is_ratelimited(request, group="login-ip", key="ip", rate="30/5m", method="POST", increment=True)
        limited_id = is_ratelimited(
            request, group="login-id", key=_identifier_key, rate=LOGIN_RATE, method="POST", increment=True
        )
        if limited_ip or limited_id:
            form = self.get_form()
            form.is_valid()  # bind cleaned data so the typed username stays in the field
            form.errors.clear()
            form.add_error(None, RATE_LIMIT_MESSAGE)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)
