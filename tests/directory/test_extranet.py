"""Extranet screen "Annuaire", one class per permission profile.

Administrators see every sheet; an organisation's referent only the sheet(s) they are the
referent of, on every route (list, edit, history, usage, delete, export): any other sheet is a 404.
"""

import pytest
from django import forms
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.accounts.roles import Role
from portal.organisations.enums import MembershipState
from tests.directory.factories import OrganisationFactory, UserFactory, activity
from tests.membership.factories import AccountRequestFactory, MembershipApplicationFactory

pytestmark = pytest.mark.django_db

OBJECT_ROUTES = ("edit", "history", "usage", "delete")


def sheet_data(org, **overrides):
    data = {
        "name": org.name,
        "presentation": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Nouvelle présentation", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "website": "https://exemple.test",
        "head_office_department": "",
        "address": "",
        "postcode": "",
        "city": "Mulhouse",
        "company_type": "",
        "activities": [activity(0).pk],
        "affiliation": "",
        "hr_contact": "",
        "logo": "",
    }
    data.update(overrides)
    return data


def route(name, org=None):
    return reverse(f"organisation_sheets:{name}", args=[org.pk] if org else [])


def export_csv(client):
    response = client.get(route("index"), {"export": "csv"})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


def referent_of(org):
    user = UserFactory(roles=[Role.ORGANISATION_REFERENT], organisation=org)
    org.referent = user
    org.save()
    return user


@pytest.fixture
def own():
    return OrganisationFactory(name="Mon Organisme")


@pytest.fixture
def other():
    return OrganisationFactory(name="Autre Organisme")


@pytest.fixture
def many_sheets():
    return [OrganisationFactory(name=f"Organisme {i}") for i in range(8)]


class TestAdministrator:
    @pytest.fixture(autouse=True)
    def admin(self, client):
        user = UserFactory(roles=[Role.ADMINISTRATOR])
        client.force_login(user)
        return user

    def test_lists_every_sheet_in_a_bounded_number_of_queries(
        self, client, own, other, many_sheets, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(15):
            response = client.get(route("index"))
        html = response.content.decode()
        assert "Mon Organisme" in html and "Autre Organisme" in html and "Organisme 7" in html

    def test_edits_any_sheet_with_the_membership_fields(self, client, other):
        form = client.get(route("edit", other)).context["form"]
        assert {"membership_state", "category", "referent"} <= set(form.fields)

    def test_history_usage_and_delete_of_any_sheet(self, client, own, other):
        for name in OBJECT_ROUTES:
            assert client.get(route(name, other)).status_code == 200, name

    @pytest.mark.parametrize("superuser", [False, True])
    def test_usage_lists_what_refers_to_the_sheet(self, client, other, superuser):
        # Screens without an edit view (membership application, access request) link to their review screen.
        application = MembershipApplicationFactory(organisation=other)
        access_request = AccountRequestFactory(organisation=other, last_name="DEMANDEUR")
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR], administrator=superuser))
        response = client.get(route("usage", other))
        assert response.status_code == 200
        if superuser:
            html = response.content.decode()
            assert reverse("membership_applications:inspect", args=[application.pk]) in html
            assert reverse("membership_account_requests:inspect", args=[access_request.pk]) in html

    def test_exports_every_sheet(self, client, own, other):
        csv = export_csv(client)
        assert "Mon Organisme" in csv and "Autre Organisme" in csv

    def test_without_the_edit_all_permission_the_other_sheets_close(self, client, admin, own, other):
        group = Group.objects.get(name=Role.ADMINISTRATOR.value)
        group.permissions.remove(Permission.objects.get(codename="edit_all_organisationsheets"))
        client.force_login(type(admin).objects.get(pk=admin.pk))  # permissions are cached per user object
        assert "Autre Organisme" not in client.get(route("index")).content.decode()
        assert client.get(route("edit", other)).status_code == 404

    def test_a_renamed_group_changes_nothing(self, client, own, other):
        Group.objects.filter(name=Role.ADMINISTRATOR.value).update(name="Direction")
        assert client.get(route("edit", other)).status_code == 200


class TestReferentOfTheSheet:
    @pytest.fixture(autouse=True)
    def referent(self, client, own):
        user = referent_of(own)
        client.force_login(user)
        return user

    def test_lists_only_own_sheet_in_a_bounded_number_of_queries(
        self, client, own, other, many_sheets, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(15):
            response = client.get(route("index"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Mon Organisme" in html
        assert "Autre Organisme" not in html and "Organisme 7" not in html

    def test_edit_is_public_at_once_and_in_the_history(self, client, own, referent):
        colleague = UserFactory(organisation=own)
        response = client.post(route("edit", own), sheet_data(own, hr_contact=colleague.pk))
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        own.refresh_from_db()
        assert own.city == "Mulhouse"
        assert own.hr_contact == colleague
        assert own.activities.get() == activity(0)
        assert "Nouvelle présentation" in client.get(f"/annuaire/{own.slug}/").content.decode()
        entry = ModelLogEntry.objects.get(object_id=str(own.pk), action="wagtail.edit")
        assert entry.user == referent
        assert client.get(route("history", own)).status_code == 200

    def test_usage_of_own_sheet(self, client, own):
        UserFactory(organisation=own)
        assert client.get(route("usage", own)).status_code == 200

    def test_membership_fields_are_not_editable(self, client, own):
        form = client.get(route("edit", own)).context["form"]
        for field in ("membership_state", "category", "referent", "headcount_alsace"):
            assert field not in form.fields
        # Plain selects: a referent may not open the reference lists' snippet choosers.
        for field in ("company_type", "head_office_department", "affiliation", "hr_contact"):
            assert isinstance(form.fields[field].widget, forms.Select), field
        client.post(route("edit", own), sheet_data(own, membership_state=MembershipState.SUSPENDED, referent=""))
        own.refresh_from_db()
        assert own.membership_state == MembershipState.ACCEPTED
        assert own.referent is not None

    def test_hr_contact_must_be_a_colleague(self, client, own):
        response = client.post(route("edit", own), sheet_data(own, hr_contact=UserFactory().pk))
        assert response.status_code == 200
        assert "hr_contact" in response.context["form"].errors
        own.refresh_from_db()
        assert own.hr_contact is None

    def test_cannot_add_or_delete_own_sheet(self, client, own):
        assert client.get(route("add")).status_code in (302, 403)
        assert client.post(route("delete", own)).status_code in (302, 403)
        assert type(own).objects.filter(pk=own.pk).exists()

    def test_export_holds_only_own_sheet(self, client, own, other):
        csv = export_csv(client)
        assert "Mon Organisme" in csv
        assert "Autre Organisme" not in csv


class TestReferentOfAnotherOrganisation:
    @pytest.fixture(autouse=True)
    def referent(self, client, other):
        user = referent_of(other)
        client.force_login(user)
        return user

    def test_every_route_of_a_sheet_outside_the_scope_is_a_404(self, client, own):
        for name in OBJECT_ROUTES:
            assert client.get(route(name, own)).status_code == 404, name

    def test_cannot_change_a_sheet_outside_the_scope(self, client, own):
        response = client.post(route("edit", own), sheet_data(own, name="Pirate"))
        assert response.status_code == 404
        assert client.post(route("delete", own)).status_code == 404
        own.refresh_from_db()
        assert own.name == "Mon Organisme"

    def test_list_and_export_show_only_their_sheet(self, client, own):
        html = client.get(route("index")).content.decode()
        assert "Autre Organisme" in html and "Mon Organisme" not in html
        assert "Mon Organisme" not in export_csv(client)


class TestEditor:
    @pytest.fixture(autouse=True)
    def editor(self, client):
        user = UserFactory(roles=[Role.EDITOR])
        client.force_login(user)
        return user

    def test_has_no_access(self, client, own):
        assert client.get(route("index")).status_code in (302, 403)
        assert client.get(route("index"), {"export": "csv"}).status_code in (302, 403)
        for name in OBJECT_ROUTES:
            assert client.get(route(name, own)).status_code in (302, 403, 404), name
        client.post(route("edit", own), sheet_data(own, name="Pirate"))
        own.refresh_from_db()
        assert own.name == "Mon Organisme"


class TestAnonymous:
    def test_is_sent_to_login_on_every_route(self, client, own):
        for name, org in [("index", None), *((name, own) for name in OBJECT_ROUTES)]:
            response = client.get(route(name, org))
            assert response.status_code == 302, name
            assert "/extranet/login/" in response["Location"], name
