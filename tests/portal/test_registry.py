"""portal.registry: the apps register their API endpoints, reference lists, shortcuts and demo steps."""

import sys
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal import registry
from portal.api import api_router
from portal.organisations.wagtail_hooks import ReferenceListsGroup

# The "Listes de référence" menu, as it was when portal listed the models itself.
REFERENCE_MENU = [
    "Territory",
    "Department",
    "EmploymentArea",
    "OrganisationCategory",
    "CompanyType",
    "Activity",
    "NewsCategory",
    "Situation",
    "DossierStatus",
    "StudyLevel",
    "ExperienceBand",
    "SalaryBand",
    "SkillTheme",
    "Skill",
    "JobFamily",
    "Job",
    "BehaviourCategory",
    "BehaviourTrait",
    "MobilityZone",
    "MobilityFrequency",
    "ApplicationChannel",
    "SearchContext",
    "DismissalReason",
    "TrainingCourse",
    "SarStatus",
    "SarResult",
    "RejectionCause",
    "RecruitmentState",
    "ContractType",
]


class TestDiscovery:
    def test_a_module_whose_own_import_fails_is_an_error_not_an_absence(self, monkeypatch):
        def failing_import(name):
            raise ModuleNotFoundError("No module named 'missing_dependency'", name="missing_dependency")

        monkeypatch.setattr(registry, "import_module", failing_import)
        with pytest.raises(ModuleNotFoundError, match="missing_dependency"):
            registry.app_modules("shortcuts")

    def test_apps_without_the_module_are_skipped(self):
        names = [module.__name__ for module in registry.app_modules("reference_lists")]
        assert names == ["portal.organisations.reference_lists", "news.reference_lists", "recruitment.reference_lists"]


class TestApiEndpoints:
    def test_the_apps_endpoints_and_wagtails(self):
        assert set(api_router._endpoints) == {"pages", "annuaire", "images", "documents"}
        assert registry.api_endpoints()["annuaire"].__module__ == "directory.api"
        assert registry.api_endpoints()["pages"].__module__ == "news.api"

    def test_an_endpoint_declared_twice_is_refused(self, monkeypatch):
        clash = ModuleType("membership.api")
        clash.API_ENDPOINTS = {"annuaire": object}
        monkeypatch.setitem(sys.modules, "membership.api", clash)
        with pytest.raises(ImproperlyConfigured, match="annuaire"):
            registry.api_endpoints()


class TestReferenceLists:
    def test_the_menu_keeps_its_order_and_columns(self):
        items = ReferenceListsGroup.items
        assert [viewset.model.__name__ for viewset in items] == REFERENCE_MENU
        by_model = {viewset.model.__name__: viewset for viewset in items}
        assert by_model["SarResult"].list_display == ["name", "status", "days_before_update", "order", "is_active"]
        assert by_model["SarResult"].list_filter == ["is_active", "status"]
        assert by_model["Territory"].list_display == ["name", "order", "is_active"]

    def test_each_app_loads_its_own_lists(self):
        loaders = [f"{load.__module__}.{load.__name__}" for load in registry.reference_loaders()]
        assert loaders == [
            "portal.organisations.reference_lists.load_reference",
            "news.reference_lists.load_reference",
            "recruitment.reference_lists.load_reference",
        ]
