"""Extranet screen "Courriels envoyés": the e-mail queue, read-only, for administrators."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OutgoingEmail


class OutgoingEmailViewSet(SnippetViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = "Courriels envoyés"
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = ["subject", "recipients_display", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["subject"]
    inspect_view_fields = [
        "subject",
        "to",
        "cc",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "body_text",
    ]
    list_per_page = 50


register_snippet(OutgoingEmailViewSet)
