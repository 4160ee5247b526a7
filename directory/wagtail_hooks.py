"""Extranet screen "Annuaire": the organisation sheets shown in the public directory.

Who sees which sheet is `perms.sheets_for` (every sheet, or the referent's own), applied by the
scoped viewset to every route: list and export, edit, history, usage, delete.

No moderation: a saved sheet is public at once (the referent was vetted when the board
accepted the membership, and every change is kept in the sheet's history, so an
administrator can see who changed what and revert it).
"""

from django import forms
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.views import generic

from portal.viewsets import ScopedModelViewSet

from . import perms
from .forms import OrganisationSheetForm
from .models import OrganisationSheet

ADMIN_ONLY = perms.MANAGE_MEMBERSHIP_FIELDS


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("category")


class OrganisationSheetViewSet(ScopedModelViewSet):
    model = OrganisationSheet
    scope = staticmethod(perms.sheets_for)
    feminine = True
    icon = "group"
    menu_label = "Annuaire"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "annuaire"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = IndexView
    list_display = ["name", "category", "city", "membership_state", UpdatedAtColumn()]
    list_filter = ["category", "membership_state"]
    list_export = ["name", "category", "company_type", "city", "website", "membership_state", "member_since"]
    export_filename = "annuaire"
    search_fields = ["name", "city"]
    search_backend_name = None
    ordering = ["name"]
    list_per_page = 50

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("category", permission=ADMIN_ONLY),
                    FieldPanel("logo", help_text="Format carré recommandé (300 × 300 pixels), moins de 200 Ko."),
                    FieldPanel("presentation"),
                    FieldPanel("website"),
                ],
                heading="Présentation",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("head_office_department", widget=forms.Select),
                    FieldPanel("address"),
                    FieldPanel("postcode"),
                    FieldPanel("city"),
                ],
                heading="Localisation de la direction régionale",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("company_type", widget=forms.Select),
                    FieldPanel("activities", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("establishment_departments", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("intervention_departments", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("affiliation", widget=forms.Select),
                ],
                heading="Activité et territoires",
            ),
            MultiFieldPanel(
                [FieldPanel("hr_contact"), FieldPanel("referent", permission=ADMIN_ONLY)],
                heading="Contacts (jamais affichés publiquement)",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("membership_state", permission=ADMIN_ONLY),
                    FieldPanel("member_since", permission=ADMIN_ONLY),
                    FieldPanel("headcount_alsace", permission=ADMIN_ONLY),
                    FieldPanel("headcount_champagne_ardenne", permission=ADMIN_ONLY),
                    FieldPanel("headcount_lorraine", permission=ADMIN_ONLY),
                    FieldPanel("is_startup", permission=ADMIN_ONLY),
                    FieldPanel("has_syntec_startup_pack", permission=ADMIN_ONLY),
                ],
                heading="Adhésion",
                permission=ADMIN_ONLY,
            ),
        ],
        base_form_class=OrganisationSheetForm,
    )


@hooks.register("register_admin_viewset")
def register_organisation_sheets():
    return OrganisationSheetViewSet("organisation_sheets")
