"""Extranet views of the e-mail log: the "Aperçu" of an e-mail, its HTML as sent, and "Renvoyer"."""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, InspectView

from . import rules
from .models import OutgoingEmail
from .resend import ResendRefused, resend

VIEW_PERMISSION = "mail.view_outgoingemail"
RESEND_PERMISSION = "mail.resend_outgoingemail"
URL_NAMESPACE = "wagtailsnippets_mail_outgoingemail"

# The e-mail's HTML is foreign content: no script, no plugin, no request anywhere (remote images and
# tracking pixels stay blocked), no form, no navigation; only our own extranet may frame it.
PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox"
)


def may_resend(user, email):
    return user.has_perm(RESEND_PERMISSION) and rules.may_resend(email.state)


def header_lines(email):
    """The message's headers as the server receives them (Date and MIME structure aside)."""
    lines = [("From", email.from_email), ("To", ", ".join(email.to))]
    if email.cc:
        lines.append(("Cc", ", ".join(email.cc)))
    if email.reply_to:
        lines.append(("Reply-To", ", ".join(email.reply_to)))
    lines += [("Subject", email.subject), ("Message-ID", email.message_id)]
    lines += [(name, value) for name, value in email.headers.items() if name.lower() != "message-id"]
    return lines


class EmailIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = [b for b in super().get_list_more_buttons(instance) if b.url != self.get_inspect_url(instance)]
        buttons.insert(0, MenuItem("Aperçu", url=self.get_inspect_url(instance), icon_name="view", priority=5))
        return buttons


class EmailInspectView(InspectView):
    """Everything about one e-mail: headers, the HTML as sent (sandboxed), the text, attempts, errors."""

    template_name = "mail/admin/inspect.html"
    any_permission_required = ["view"]
    page_title = "Aperçu"

    def get_object(self, queryset=None):
        return get_object_or_404(OutgoingEmail.objects.prefetch_related("attachments"), pk=unquote(str(self.pk)))

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    @property
    def resend_url(self):
        if may_resend(self.request.user, self.object):
            return reverse(f"{URL_NAMESPACE}:resend", args=[quote(self.object.pk)])
        return None

    @property
    def header_more_buttons(self):
        if url := self.resend_url:
            return [Button("Renvoyer", url=url, icon_name="mail", priority=10)]
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        email = self.object
        context.update(
            {
                "email": email,
                "header_lines": header_lines(email),
                "html_url": reverse(f"{URL_NAMESPACE}:html", args=[quote(email.pk)]) if email.body_html else None,
                "attempts": email.delivery_attempts.all(),
                "resend_url": self.resend_url,
            }
        )
        return context


@xframe_options_sameorigin
def html_view(request, pk):
    """The e-mail's HTML exactly as sent, for the sandboxed frame of the "Aperçu"."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    email = get_object_or_404(OutgoingEmail.objects.only("body_html", "body_text"), pk=unquote(str(pk)))
    content = email.body_html or f"<pre>{escape(email.body_text)}</pre>"
    response = HttpResponse(content, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = PREVIEW_CSP  # set here: the site-wide middleware keeps it as is
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


class ResendView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET), then send again (POST) a failed, abandoned or refused e-mail."""

    template_name = "mail/admin/resend_confirm.html"
    page_title = "Renvoyer le courriel"
    http_method_names = ["get", "post"]

    def dispatch(self, request, pk):
        if not request.user.has_perm(RESEND_PERMISSION):
            raise PermissionDenied
        self.email = get_object_or_404(OutgoingEmail, pk=unquote(str(pk)))
        self.inspect_url = reverse(f"{URL_NAMESPACE}:inspect", args=[quote(self.email.pk)])
        if not rules.may_resend(self.email.state):
            messages.error(request, "Seul un courriel en échec, abandonné ou refusé peut être renvoyé.")
            return redirect(self.inspect_url)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.email.subject

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:list"), "label": "Courriels envoyés"},
            {"url": self.inspect_url, "label": self.email.subject},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(email=self.email, inspect_url=self.inspect_url, **kwargs)

    def post(self, request, pk):
        try:
            email = resend(self.email, request.user)
        except ResendRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, f"Courriel « {email.subject} » remis dans la file d'envoi, sous un nouvel identifiant."
            )
        return redirect(self.inspect_url)
