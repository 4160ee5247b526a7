"""Extranet menu "Référentiels" (the reference lists): every admin-editable reference list the apps declare.

Apps declare their lists in `reference_lists.py` (`REFERENCE_LISTS`, see portal.registry); the
menu shows them in app order, then in each app's order.
"""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal import registry
from portal.viewsets import FrenchWordingViewSetMixin


def reference_viewset(reference_list):
    """A plain listing/edit screen for one reference list."""
    return type(
        f"{reference_list.model.__name__}ViewSet",
        (FrenchWordingViewSetMixin, SnippetViewSet),
        {
            "model": reference_list.model,
            "feminine": reference_list.feminine,
            "icon": reference_list.icon,
            "list_display": ["name", *reference_list.extra_list, "order", "is_active"],
            "list_filter": ["is_active", *reference_list.filters],
            "search_fields": ["name"],
            "list_per_page": 50,
            "add_to_admin_menu": False,
        },
    )


class ReferenceListsGroup(SnippetViewSetGroup):
    menu_label = "Référentiels"
    menu_icon = "list-ul"
    menu_order = 900
    items = [reference_viewset(reference_list) for reference_list in registry.reference_lists()]


register_snippet(ReferenceListsGroup)
