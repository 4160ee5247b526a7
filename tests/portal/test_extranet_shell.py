"""Extranet shell: NEGE branding, the menu trimmed per permission and the "Vos raccourcis" dashboard panel."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from portal import registry
from portal.accounts.roles import Role
from portal.accounts.wagtail_hooks import shortcuts_for
from portal.registry import Shortcut

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def menu_names(user):
    """Names of the main menu entries the user sees, submenu entries as "parent/child"."""
    request = RequestFactory().get("/extranet/")
    request.user = user
    names = set()
    for item in admin_menu.menu_items_for_request(request):
        names.add(item.name)
        if isinstance(item, SubmenuMenuItem):
            names.update(f"{item.name}/{child.name}" for child in item.menu.menu_items_for_request(request))
    return names


def shortcut_labels(user):
    return [link["label"] for link in shortcuts_for(user)]


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


class TestBranding:
    def test_login_page_is_branded_and_french(self, client):
        html = client.get(reverse("wagtailadmin_login")).content.decode()
        assert "<h1>Extranet Numéric'Emploi Grand Est</h1>" in html
        assert "Extranet NEGE</title>" in html
        assert '<html lang="fr"' in html
        assert "/static/img/nege-logo.svg" in html
        assert '<link rel="icon" href="/static/img/favicon.svg"' in html
        assert "Sign in to Wagtail" not in html
        assert re.search(r'<label[^>]*for="id_password"[^>]*>\s*Mot de passe', html)

    def test_dashboard_welcome_and_logo(self, client):
        html = dashboard(client, UserFactory(roles=[Role.EMPLOYMENT_ADVISER]))
        assert "Extranet Numéric&#x27;Emploi Grand Est" in html or "Extranet Numéric'Emploi Grand Est" in html
        assert 'class="nege-sidebar-logo"' in html
        assert "/static/css/extranet.css" in html
        assert 'href="/">Voir le site public</a>' in html
        assert 'role="search"' not in html  # no page search without page permissions


class TestEmploymentAdviser:
    @pytest.fixture
    def user(self):
        return UserFactory(roles=[Role.EMPLOYMENT_ADVISER])

    def test_menu_has_no_site_content_nor_settings(self, user):
        names = menu_names(user)
        for hidden in ("explorer", "images", "documents", "settings", "help", "reports"):
            assert hidden not in names

    def test_dashboard_shows_own_shortcuts_only(self, client, user):
        labels = shortcut_labels(user)
        assert "Mon compte" in labels and "Dossiers de candidature" in labels
        for foreign in ("Pages du site", "Images", "Paramètres du site", "Utilisateurs", "Courriels envoyés"):
            assert foreign not in labels
        html = dashboard(client, user)
        assert "Vos raccourcis" in html
        assert f'href="{reverse("wagtailadmin_account")}"' in html


class TestEditor:
    @pytest.fixture
    def user(self):
        return UserFactory(roles=[Role.EDITOR])

    def test_menu_has_pages_images_documents_but_no_help_nor_reports(self, user):
        names = menu_names(user)
        assert {"explorer", "images", "documents"} <= names
        assert "settings/site-settings" in names or any(n.startswith("settings/") for n in names)
        assert "help" not in names and "reports" not in names
        assert "settings/users" not in names

    def test_dashboard_keeps_the_library_counters(self, client, user):
        html = dashboard(client, user)
        assert 'class="w-summary__list"' in html
        assert 'href="/extranet/images/"' in html

    def test_shortcuts_lead_to_site_content(self, client, user):
        labels = shortcut_labels(user)
        assert labels[:4] == ["Pages du site", "Images", "Documents", "Paramètres du site"]
        assert labels[-1] == "Mon compte"
        html = dashboard(client, user)
        assert f'href="{reverse("wagtailsettings:edit", args=("pages", "sitesettings"))}"' in html
        assert 'role="search"' in html  # editors keep the page search

    def test_shortcut_targets_answer(self, client, user):
        client.force_login(user)
        for link in shortcuts_for(user):
            assert client.get(link["url"], follow=True).status_code == 200, link


BUSINESS_ROLES = [
    Role.PRESIDENT,
    Role.ORGANISATION_REFERENT,
    Role.SESSION_PILOT,
    Role.ADVISORY_RECRUITER,
    Role.TRAINING_COMMISSION,
    Role.COMPANY_RECRUITER,
]


class TestOtherBusinessRoles:
    @pytest.mark.parametrize("role", BUSINESS_ROLES)
    def test_menu_has_no_site_content_settings_help_nor_reports(self, role):
        names = menu_names(UserFactory(roles=[role]))
        assert not {"explorer", "images", "documents", "settings", "help", "reports"} & names

    @pytest.mark.parametrize(
        "role, expected",
        [
            (Role.PRESIDENT, {"Demandes d'adhésion"}),
            (Role.ORGANISATION_REFERENT, {"Fiche de mon organisme", "Demandes d'accès à l'extranet"}),
            (Role.SESSION_PILOT, {"Sessions de la commission", "Dossiers de candidature"}),
            (Role.ADVISORY_RECRUITER, {"Sessions de la commission"}),
            (Role.TRAINING_COMMISSION, {"Plans individuels ADC"}),
            (Role.COMPANY_RECRUITER, {"Recherche dans le vivier", "Portefeuille de fiches de suivi"}),
        ],
    )
    def test_dashboard_opens_with_the_role_shortcuts(self, client, role, expected):
        user = UserFactory(roles=[role])
        labels = set(shortcut_labels(user))
        assert expected | {"Mon compte"} <= labels
        assert not {"Pages du site", "Utilisateurs", "Courriels envoyés"} & labels
        assert "Vos raccourcis" in dashboard(client, user)
        for link in shortcuts_for(user):  # every shortcut opens for this role
            assert client.get(link["url"], follow=True).status_code == 200, link
        client.force_login(user)
        for link in shortcuts_for(user):
            assert client.get(link["url"], follow=True).status_code == 200, link


class TestOrganisationReferent:
    def test_dashboard_shows_no_library_counters(self, client):
        # The referent may upload a logo (image permission) but has no business with the library.
        user = UserFactory(roles=[Role.ORGANISATION_REFERENT, Role.COMPANY_RECRUITER])
        html = dashboard(client, user)
        assert "Vos raccourcis" in html
        assert 'class="w-summary__list"' not in html


class TestAdministrator:
    @pytest.fixture
    def user(self):
        return UserFactory(administrator=True, roles=[Role.ADMINISTRATOR])

    def test_keeps_help_and_reports(self, user):
        names = menu_names(user)
        assert {"explorer", "settings", "help", "reports"} <= names

    def test_shortcuts_include_administration(self, user):
        labels = shortcut_labels(user)
        assert {"Utilisateurs", "Courriels envoyés", "Pages du site", "Mon compte"} <= set(labels)

    def test_shortcut_targets_answer(self, client, user):
        client.force_login(user)
        for link in shortcuts_for(user):
            assert client.get(link["url"], follow=True).status_code == 200, link


class TestShortcutResolution:
    def test_missing_screens_are_skipped_and_fallbacks_used(self, monkeypatch):
        monkeypatch.setattr(
            registry,
            "shortcuts",
            lambda: [
                Shortcut("Absent", ("nowhere:index", "app.DoesNotExist")),
                Shortcut("Repli", ("nowhere:index", "wagtailadmin_account")),
                Shortcut("Écran de modèle", ("mail.OutgoingEmail",)),
            ],
        )
        admin = UserFactory(administrator=True)
        assert shortcut_labels(admin) == ["Repli", "Écran de modèle"]
        assert shortcuts_for(admin)[0]["url"] == reverse("wagtailadmin_account")

    def test_model_screen_needs_its_permission(self, monkeypatch):
        monkeypatch.setattr(registry, "shortcuts", lambda: [Shortcut("Courriels", ("mail.OutgoingEmail",))])
        assert shortcut_labels(UserFactory(roles=[Role.EMPLOYMENT_ADVISER])) == []

    def test_shortcut_needs_its_permission_codename(self, monkeypatch):
        guarded = Shortcut("Mon compte", ("wagtailadmin_account",), "accounts.view_technical_menus")
        monkeypatch.setattr(registry, "shortcuts", lambda: [guarded])
        user = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        assert shortcut_labels(user) == []
        user.user_permissions.add(permission("accounts.view_technical_menus"))
        assert shortcut_labels(refetch(user)) == ["Mon compte"]

    def test_shortcuts_follow_their_declared_order_across_apps(self):
        orders = [shortcut.order for shortcut in registry.shortcuts()]
        assert orders == sorted(orders)
        labels = [shortcut.label for shortcut in registry.shortcuts()]
        assert labels[0] == "Pages du site" and labels[-1] == "Mon compte"
        assert labels.index("Demandes d'adhésion") < labels.index("Dossiers de candidature")


def permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def refetch(user):
    """A fresh user object: Django caches permissions on the instance."""
    return type(user).objects.get(pk=user.pk)


class TestMenusFollowPermissions:
    """The trimmed entries follow permission codenames, not group names."""

    def test_technical_menus_with_their_permission(self):
        user = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        assert "help" not in menu_names(user)
        user.user_permissions.add(permission("accounts.view_technical_menus"))
        assert "help" in menu_names(refetch(user))  # "reports" also needs a report permission

    def test_media_libraries_close_when_the_editor_group_loses_the_permission(self, client):
        user = UserFactory(roles=[Role.EDITOR])
        assert {"images", "documents"} <= menu_names(user)
        Group.objects.get(name=Role.EDITOR.value).permissions.remove(permission("accounts.manage_site_content"))
        user = refetch(user)
        assert not {"images", "documents"} & menu_names(user)
        assert not {"Pages du site", "Images", "Documents"} & set(shortcut_labels(user))
        assert 'class="w-summary__list"' not in dashboard(client, user)


class TestRealLogin:
    def test_login_reaches_the_dashboard(self, client):
        UserFactory(username="redacteur", roles=[Role.EDITOR])
        response = client.post(reverse("wagtailadmin_login"), {"username": "redacteur", "password": PASSWORD})
        assert response.status_code == 302
        assert "Vos raccourcis" in client.get(response["Location"]).content.decode()
