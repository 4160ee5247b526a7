"""Extranet screen "Courriels envoyés": the e-mail queue for administrators, with each e-mail's Aperçu
(HTML as sent, in a sandboxed frame) and "Renvoyer" for failed, abandoned or refused ones."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.viewsets import FrenchWordingViewSetMixin

from . import admin_views
from .models import OutgoingEmail
from .resend import RESEND_ACTION


class OutgoingEmailViewSet(FrenchWordingViewSetMixin, SnippetViewSet):
    model = OutgoingEmail
    feminine = False
    icon = "mail"
    menu_label = "Courriels envoyés"
    add_to_settings_menu = True
    index_view_class = admin_views.EmailIndexView
    inspect_view_class = admin_views.EmailInspectView
    inspect_view_enabled = True
    list_display = ["subject", "recipients_display", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["subject"]
    list_per_page = 50

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("html/<str:pk>/", admin_views.html_view, name="html"),
            path("resend/<str:pk>/", admin_views.ResendView.as_view(), name="resend"),
        ]


register_snippet(OutgoingEmailViewSet)


@hooks.register("register_log_actions")
def register_mail_log_actions(actions):
    actions.register_action(RESEND_ACTION, "Renvoyé", "Courriel renvoyé sous un nouvel identifiant")
