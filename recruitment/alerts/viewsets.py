"""'Mes recherches': the saved pool searches, a scoped model viewset (portal.viewsets).

The listing shows the user's searches and those their company's recruiters shared; every other route
(edit, delete, history, usage) answers 404 outside the user's own searches.
"""

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.log_actions import log as log_action
from wagtail.permission_policies import ModelPermissionPolicy

from portal.menu import shown_if
from portal.viewsets import ScopedModelViewSet, ScopedViewMixin

from . import matching, perms, views
from .forms import SavedSearchForm
from .models import SavedSearch


class SavedSearchPolicy(ModelPermissionPolicy):
    """The model's codenames, held by a company recruiter; only the owner changes or deletes a search."""

    def user_has_permission(self, user, action):
        return perms.may_save_searches(user) and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return action == "view" or instance.owner_id == user.pk

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return SavedSearch.objects.none()
        return perms.saved_searches_for(user) if set(actions) <= {"view"} else perms.own_saved_searches(user)


class CriteriaPanel(Panel):
    """The criteria of the search, as the pool screen names them (read only: they come from the pool)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "alerts/panels/criteria.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            form = self.form
            criteria = form.cleaned_data.get("criteria") if form.is_bound and form.is_valid() else None
            if criteria is None:
                raw = form["criteria"].value() or ""
                criteria = matching.criteria_from(matching.QueryDict(raw))
            context["criteria"] = matching.describe(criteria, self.request.user)
            return context


def search_edit_handler():
    return ObjectList(
        [
            FieldPanel("name"),
            CriteriaPanel(heading="Critères de la recherche"),
            FieldPanel("frequency"),
            FieldPanel("shared"),
            FieldPanel("criteria"),
        ],
        base_form_class=SavedSearchForm,
    )


class SearchIndexView(ScopedViewMixin, generic.IndexView):
    """Own and shared searches (the viewset's scope, for every other view, is the user's own)."""

    def scoped_queryset(self):
        return perms.saved_searches_for(self.request.user)

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("owner")
            .annotate(new_count=Count("matches", filter=Q(matches__known=False, owner=self.request.user)))
        )


class SearchCreateView(generic.CreateView):
    submit_button_label = "Enregistrer la recherche"
    submit_button_active_label = "Enregistrement…"

    def get_initial(self):
        return {**super().get_initial(), "criteria": self.request.GET.urlencode()}

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.owner = self.request.user
        instance.save()
        # What the pool showed when the search was saved is known: the alerts announce what comes next.
        matching.mark_known(instance)
        log_action(instance, "wagtail.create", user=self.request.user)
        return instance

    def get_success_message(self, instance=None):
        return f"La recherche « {self.object} » est enregistrée dans « Mes recherches »."


class SearchEditView(generic.EditView):
    def save_instance(self):
        criteria_changed = "criteria" in self.form.changed_data
        instance = super().save_instance()
        if criteria_changed:
            matching.mark_known(instance)
        return instance


def _open_link(search):
    return reverse("saved_searches:open", args=[search.pk])


class OpenColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a class="button button-small" href="{}">Ouvrir dans le vivier<span class="w-sr-only"> : {}</span></a>',
            _open_link(instance),
            instance.name,
        )


class SavedSearchViewSet(ScopedModelViewSet):
    model = SavedSearch
    scope = staticmethod(perms.own_saved_searches)
    item_noun = "recherche"
    feminine = True
    icon = "search"
    menu_label = "Mes recherches"
    menu_order = 212
    add_to_admin_menu = True
    menu_item_class = shown_if(perms.may_save_searches)
    url_prefix = "recrutements/mes-recherches"
    url_namespace = "saved_searches"
    index_view_class = SearchIndexView
    add_view_class = SearchCreateView
    edit_view_class = SearchEditView
    list_display = [
        TitleColumn("name", label="Nom", get_url=_open_link),
        Column("owner", label="Créée par"),
        Column("frequency", label="Alerte", accessor="get_frequency_display"),
        BooleanColumn("shared", label="Partagée"),
        Column("new_count", label="Nouveaux candidats"),
        OpenColumn("open", label="Vivier"),
    ]
    ordering = ["name", "pk"]
    search_fields = None
    copy_view_enabled = False
    inspect_view_enabled = False
    export_filename = "mes-recherches"
    list_export = ["name", "owner", "frequency", "shared", "created_at", "last_alert_at"]

    def get_edit_handler(self):
        return search_edit_handler().bind_to_model(SavedSearch)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/ouvrir/", views.open_search, name="open")]
