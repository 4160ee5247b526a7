"""Extranet screen "Annuaire": the organisation sheets shown in the public directory.

Administrators see and edit every sheet; an organisation's referent sees and edits only the
sheet(s) of the organisation(s) whose `referent` they are, on every route (list, edit,
history, usage, delete), enforced by the querysets below and not only by the menu.

No moderation: a saved sheet is public at once (the referent was vetted when the board
accepted the membership, and every change is kept in the sheet's history, so an
administrator can see who changed what and revert it).
"""

from django import forms
from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from portal.accounts.models import User
from portal.accounts.roles import Role, has_role
from portal.organisations.enums import CategoryCode
from portal.organisations.models import Organisation

from .models import OrganisationSheet

ADMIN_ONLY = "directory.manage_membership_fields"


def sheets_for(user):
    """The sheets `user` may see and edit in the extranet."""
    if has_role(user, Role.ADMINISTRATOR):
        return OrganisationSheet.objects.all()
    return (
        OrganisationSheet.objects.filter(referent=user) if user.is_authenticated else OrganisationSheet.objects.none()
    )


class OrganisationSheetForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "hr_contact" in self.fields:
            # Only a colleague may receive the directory's messages, never an outsider.
            self.fields["hr_contact"].queryset = (
                User.objects.filter(organisation=self.instance, is_active=True)
                if self.instance.pk
                else User.objects.none()
            )
            self.fields["hr_contact"].help_text = (
                "Reçoit les messages envoyés depuis l'annuaire ; à défaut, le référent les reçoit. "
                "Son adresse n'est jamais affichée."
            )
        if "affiliation" in self.fields:
            self.fields["affiliation"].queryset = (
                Organisation.objects.accepted()
                .filter(category__code=CategoryCode.PROFESSIONAL_BODY)
                .exclude(pk=self.instance.pk)
            )
        if "referent" in self.fields:
            self.fields["referent"].queryset = User.objects.filter(is_active=True)


class ScopedObjectMixin:
    """Refuse (404) any sheet outside the user's scope, whatever the route."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not sheets_for(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return sheets_for(self.request.user).select_related("category")


class EditView(ScopedObjectMixin, generic.EditView):
    pass


class DeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class HistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class UsageView(ScopedObjectMixin, usage.UsageView):
    pass


class OrganisationSheetViewSet(ModelViewSet):
    model = OrganisationSheet
    icon = "group"
    menu_label = "Annuaire"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "annuaire"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
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
