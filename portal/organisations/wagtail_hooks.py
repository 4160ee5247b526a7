"""Extranet menu "Listes de référence": every admin-editable reference list, for administrators."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import NewsCategory
from recruitment.models import reference as rec

from .models import Activity, CompanyType, Department, EmploymentArea, OrganisationCategory, Territory


def reference_viewset(model, extra_list=(), filters=(), icon="list-ul"):
    """A plain listing/edit screen for one reference list."""
    return type(
        f"{model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": model,
            "icon": icon,
            "list_display": ["name", *extra_list, "order", "is_active"],
            "list_filter": ["is_active", *filters],
            "search_fields": ["name"],
            "list_per_page": 50,
            "add_to_admin_menu": False,
        },
    )


class ReferenceListsGroup(SnippetViewSetGroup):
    menu_label = "Listes de référence"
    menu_icon = "list-ul"
    menu_order = 900
    items = [
        reference_viewset(Territory),
        reference_viewset(Department, extra_list=["code", "territory"], filters=["territory"]),
        reference_viewset(EmploymentArea, extra_list=["territory"], filters=["territory"]),
        reference_viewset(OrganisationCategory, extra_list=["code"]),
        reference_viewset(CompanyType),
        reference_viewset(Activity),
        reference_viewset(NewsCategory),
        reference_viewset(rec.Situation, extra_list=["is_temporary"]),
        reference_viewset(rec.DossierStatus, extra_list=["adviser_may_set"]),
        reference_viewset(rec.StudyLevel),
        reference_viewset(rec.ExperienceBand),
        reference_viewset(rec.SalaryBand),
        reference_viewset(rec.SkillTheme),
        reference_viewset(rec.Skill, extra_list=["theme"], filters=["theme"]),
        reference_viewset(rec.JobFamily),
        reference_viewset(rec.Job, extra_list=["family"], filters=["family"]),
        reference_viewset(rec.BehaviourCategory),
        reference_viewset(rec.BehaviourTrait, extra_list=["category"], filters=["category"]),
        reference_viewset(rec.MobilityZone),
        reference_viewset(rec.MobilityFrequency),
        reference_viewset(rec.ApplicationChannel),
        reference_viewset(rec.SearchContext),
        reference_viewset(rec.DismissalReason),
        reference_viewset(rec.TrainingCourse, extra_list=["code"]),
        reference_viewset(rec.SarStatus),
        reference_viewset(rec.SarResult, extra_list=["status", "days_before_update"], filters=["status"]),
        reference_viewset(rec.RejectionCause),
        reference_viewset(rec.RecruitmentState, extra_list=["sets_status"]),
        reference_viewset(rec.ContractType, extra_list=["requires_end_date"]),
    ]


register_snippet(ReferenceListsGroup)


@hooks.register("register_admin_viewset")
def register_organisation_sheets():
    """Extranet menu "Annuaire": organisation sheets, scoped per user (see directory.viewsets)."""
    from directory.viewsets import OrganisationSheetViewSet

    return OrganisationSheetViewSet("organisation_sheets")
