"""`manage.py seed_demo`: safety switch, idempotency, demo users able to log into the extranet."""

import sys
from io import StringIO
from types import ModuleType

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from portal import registry
from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.demo import demo_user
from portal.organisations.demo import demo_organisation
from portal.organisations.enums import CategoryCode, MembershipState
from portal.organisations.models import Organisation
from portal.pages.models import ContentPage, FooterLink, MenuItem, SiteSettings
from recruitment.models.reference import ContractType, SarResult

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = [
    "admin",
    "redacteur",
    "president",
    "referent.a",
    "referent.b",
    "pilote",
    "conseil",
    "adc",
    "recruteur.a",
    "recruteur.a2",
    "recruteur.b",
]


@pytest.fixture
def no_app_demos(monkeypatch):
    """Only the site-wide steps: the apps' own demo modules are tested by their owners."""
    calls = []
    site_wide = [step for step in registry.demo_steps() if step.seed.__module__.startswith("portal.")]
    fake_step = registry.DemoStep(150, lambda stdout, *, candidates=0: calls.append(candidates))
    monkeypatch.setattr(registry, "demo_steps", lambda: sorted([*site_wide, fake_step], key=lambda s: s.order))
    return calls


def run(**options):
    call_command("seed_demo", force=True, verbosity=0, stdout=StringIO(), **options)


def counts():
    return {
        "users": User.objects.count(),
        "organisations": Organisation.objects.count(),
        "pages": Page.objects.count(),
        "menu": MenuItem.objects.count(),
        "footer": FooterLink.objects.count(),
        "groups": sum(user.groups.count() for user in User.objects.all()),
    }


class TestSafety:
    def test_refused_when_debug_is_off(self, settings, no_app_demos):
        settings.DEBUG = False
        with pytest.raises(CommandError, match="DEBUG est désactivé"):
            call_command("seed_demo")
        assert not User.objects.filter(username="admin").exists()
        assert no_app_demos == []

    def test_runs_when_debug_is_on(self, settings, no_app_demos):
        settings.DEBUG = True
        call_command("seed_demo", stdout=StringIO())
        assert User.objects.filter(username="admin", is_superuser=True).exists()

    def test_negative_candidates_refused(self, no_app_demos):
        with pytest.raises(CommandError):
            run(candidates=-1)


class TestIdempotency:
    def test_second_run_creates_no_duplicates(self, no_app_demos):
        run()
        first = counts()
        run()
        assert counts() == first
        assert first["organisations"] >= 12

    def test_silent_at_verbosity_0_and_says_each_step_otherwise(self, no_app_demos):
        quiet, told = StringIO(), StringIO()
        call_command("seed_demo", force=True, verbosity=0, stdout=quiet)
        call_command("seed_demo", force=True, verbosity=1, stdout=told)
        assert quiet.getvalue() == ""
        assert "Démonstration : portal.accounts.demo.seed" in told.getvalue()
        assert "Données de démonstration à jour" in told.getvalue()

    def test_app_demos_are_called_with_the_number_of_candidates(self, no_app_demos):
        run(candidates=5)
        assert no_app_demos == [5]

    def test_every_installed_app_demo_step_is_found_in_its_order(self, monkeypatch):
        first = registry.DemoStep(-1, lambda stdout, *, candidates=0: None)
        with_steps = ModuleType("news.demo")
        with_steps.DEMO_STEPS = [first]
        monkeypatch.setitem(sys.modules, "news.demo", with_steps)
        monkeypatch.setitem(sys.modules, "directory.demo", ModuleType("directory.demo"))  # no DEMO_STEPS
        steps = registry.demo_steps()
        assert steps[0] is first
        assert not [step for step in steps if step.seed.__module__ == "directory.demo"]
        assert [step.order for step in steps] == sorted(step.order for step in steps)

    def test_the_real_steps_run_base_apps_then_closing_touches(self):
        modules = [step.seed.__module__ for step in registry.demo_steps()]
        assert modules[:3] == ["portal.pages.demo", "portal.organisations.demo", "portal.accounts.demo"]
        assert modules.index("recruitment.demo") < modules.index("recruitment.commission.demo")
        assert modules.index("recruitment.commission.demo") < modules.index("recruitment.sar.demo")
        assert modules[-1] == "portal.pages.demo"


class TestBaseData:
    @pytest.fixture(autouse=True)
    def _seeded(self, no_app_demos):
        run()

    def test_organisations_of_every_category_all_accepted(self):
        categories = set(Organisation.objects.values_list("category__code", flat=True))
        assert categories == set(CategoryCode.values)
        assert not Organisation.objects.exclude(membership_state=MembershipState.ACCEPTED).exists()
        assert not Organisation.objects.filter(referent__isnull=True).exists()
        assert demo_organisation("partner-a").name.startswith("Partenaire Emploi A")
        assert demo_organisation("partner-b").category.code == CategoryCode.EMPLOYMENT_PARTNER
        assert demo_organisation("company-a").establishment_departments.exists()
        assert demo_organisation("company-a").activities.exists()

    def test_users_are_attached_to_their_organisations(self):
        assert demo_user("referent.a").organisation == demo_organisation("partner-a")
        assert demo_user("referent.a").workplace_area.name == "Alsace / Bas-Rhin"
        assert demo_user("referent.b").organisation == demo_organisation("partner-b")
        assert demo_user("recruteur.a2").organisation == demo_organisation("company-a")
        assert demo_user("recruteur.b").organisation == demo_organisation("company-b")
        assert demo_organisation("partner-a").referent == demo_user("referent.a")
        assert demo_organisation("company-a").referent == demo_user("recruteur.a")

    def test_roles(self):
        expected = [
            ("redacteur", Role.EDITOR),
            ("president", Role.PRESIDENT),
            ("referent.a", Role.EMPLOYMENT_ADVISER),
            ("referent.b", Role.EMPLOYMENT_ADVISER),
            ("pilote", Role.SESSION_PILOT),
            ("conseil", Role.ADVISORY_RECRUITER),
            ("adc", Role.TRAINING_COMMISSION),
            ("recruteur.a", Role.COMPANY_RECRUITER),
            ("recruteur.a", Role.ORGANISATION_REFERENT),
            ("recruteur.a2", Role.COMPANY_RECRUITER),
            ("recruteur.b", Role.COMPANY_RECRUITER),
        ]
        missing = [(username, role) for username, role in expected if role.value not in group_names(username)]
        assert missing == []
        assert demo_user("admin").is_superuser

    def test_only_the_named_users_get_their_roles(self):
        assert Role.ORGANISATION_REFERENT.value not in group_names("recruteur.a2")
        assert Role.COMPANY_RECRUITER.value not in group_names("referent.a")
        assert not demo_user("redacteur").is_superuser

    def test_pages_and_settings(self):
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        assert site_settings.president_email == "president@nege.test"
        assert site_settings.legal_notice_page.title == "Mentions légales"
        menu = list(site_settings.menu_items.order_by("sort_order").values_list("label", flat=True))
        assert menu[0] == "Qui sommes-nous"
        assert menu[-1] == "Contact"
        assert site_settings.footer_links.filter(label="Mentions légales").exists()
        titles = set(ContentPage.objects.live().values_list("title", flat=True))
        assert {"Qui sommes-nous ?", "Mentions légales", "Contact"} <= titles

    def test_content_pages_are_served(self, client):
        page = ContentPage.objects.get(slug="qui-sommes-nous")
        response = client.get(page.url)
        assert response.status_code == 200
        assert "Notre mission" in response.content.decode()

    def test_home_page_invites_to_the_directory_and_membership(self, client):
        html = client.get("/").content.decode()
        assert 'href="/annuaire/">Consulter l&#x27;annuaire</a>' in html
        assert 'href="/adherer/">Devenir adhérent</a>' in html


def group_names(username):
    return set(demo_user(username).groups.values_list("name", flat=True))


class TestDemoLogin:
    def test_each_demo_user_logs_into_the_extranet(self, monkeypatch, no_app_demos):
        monkeypatch.delenv("DEMO_PASSWORD", raising=False)
        run()
        refused = []
        for username in DEMO_USERNAMES:
            cache.clear()  # the login rate limit counts per IP address
            client = Client()
            response = client.post(reverse("wagtailadmin_login"), {"username": username, "password": "nege-demo"})
            if response.status_code != 302 or client.get(reverse("wagtailadmin_home")).status_code != 200:
                refused.append(username)
        assert refused == []

    def test_password_from_the_environment(self, client, monkeypatch, no_app_demos):
        monkeypatch.setenv("DEMO_PASSWORD", "autre-mot-de-passe")
        run()
        login = reverse("wagtailadmin_login")
        assert client.post(login, {"username": "pilote", "password": "nege-demo"}).status_code == 200
        assert client.post(login, {"username": "pilote", "password": "autre-mot-de-passe"}).status_code == 302


class TestReferenceLoading:
    def test_reference_lists_are_loaded_when_missing(self, no_app_demos):
        SarResult.objects.all().delete()
        ContractType.objects.all().delete()
        run()
        assert SarResult.objects.count() == 25
        assert ContractType.objects.count() == 4


class TestWithTheAppsDemos:
    def test_full_seed_twice_with_every_app_demo(self):
        """Integration: the real `<app>.demo.seed` functions run after the base data, twice."""
        run(candidates=2)
        first = counts()
        run(candidates=2)
        assert counts() == first
        menu = list(MenuItem.objects.order_by("sort_order").values_list("label", flat=True))
        assert menu[-1] == "Contact"
