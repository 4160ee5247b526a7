"""Extranet screen "Annuaire": administrators see every sheet, a referent only their own."""

import pytest
from django import forms
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.accounts.roles import Role
from portal.organisations.enums import MembershipState
from tests.directory.factories import OrganisationFactory, UserFactory, activity
from tests.portal.factories import PASSWORD

pytestmark = pytest.mark.django_db


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


@pytest.fixture
def referent(client):
    user = UserFactory(roles=[Role.ORGANISATION_REFERENT])
    client.login(username=user.username, password=PASSWORD)
    return user


@pytest.fixture
def own(referent):
    org = OrganisationFactory(name="Mon Organisme", referent=referent)
    referent.organisation = org
    referent.save()
    return org


@pytest.fixture
def other():
    return OrganisationFactory(name="Autre Organisme")


class TestReferent:
    def test_lists_only_own_sheet(self, client, own, other, django_assert_max_num_queries):
        response = client.get(reverse("organisation_sheets:index"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Mon Organisme" in html
        assert "Autre Organisme" not in html

    def test_cannot_open_another_sheet_on_any_route(self, client, own, other):
        for name in ("edit", "history", "usage", "delete"):
            response = client.get(reverse(f"organisation_sheets:{name}", args=[other.pk]))
            assert response.status_code in (403, 404), name
        response = client.post(reverse("organisation_sheets:edit", args=[other.pk]), sheet_data(other, name="Pirate"))
        assert response.status_code == 404
        other.refresh_from_db()
        assert other.name == "Autre Organisme"

    def test_edit_is_public_at_once(self, client, own, referent):
        colleague = UserFactory(organisation=own)
        response = client.post(
            reverse("organisation_sheets:edit", args=[own.pk]), sheet_data(own, hr_contact=colleague.pk)
        )
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        own.refresh_from_db()
        assert own.city == "Mulhouse"
        assert own.hr_contact == colleague
        assert own.activities.get() == activity(0)
        html = client.get(f"/annuaire/{own.slug}/").content.decode()
        assert "Nouvelle présentation" in html
        # The change is in the sheet's history, with its author.
        entry = ModelLogEntry.objects.get(object_id=str(own.pk), action="wagtail.edit")
        assert entry.user == referent
        history = client.get(reverse("organisation_sheets:history", args=[own.pk]))
        assert history.status_code == 200

    def test_membership_fields_are_not_editable(self, client, own):
        response = client.get(reverse("organisation_sheets:edit", args=[own.pk]))
        form = response.context["form"]
        for field in ("membership_state", "category", "referent", "headcount_alsace"):
            assert field not in form.fields
        # Plain selects: a referent may not open the reference lists' snippet choosers.
        for field in ("company_type", "head_office_department", "affiliation", "hr_contact"):
            assert isinstance(form.fields[field].widget, forms.Select), field
        client.post(
            reverse("organisation_sheets:edit", args=[own.pk]),
            sheet_data(own, membership_state=MembershipState.SUSPENDED, referent=""),
        )
        own.refresh_from_db()
        assert own.membership_state == MembershipState.ACCEPTED
        assert own.referent is not None

    def test_hr_contact_must_be_a_colleague(self, client, own):
        outsider = UserFactory()
        response = client.post(
            reverse("organisation_sheets:edit", args=[own.pk]), sheet_data(own, hr_contact=outsider.pk)
        )
        assert response.status_code == 200
        assert "hr_contact" in response.context["form"].errors
        own.refresh_from_db()
        assert own.hr_contact is None

    def test_cannot_add_or_delete(self, client, own):
        assert client.get(reverse("organisation_sheets:add")).status_code in (302, 403)
        assert client.post(reverse("organisation_sheets:delete", args=[own.pk])).status_code in (302, 403)
        own.refresh_from_db()


class TestAdministrator:
    def test_sees_and_edits_every_sheet(self, client, own, other):
        admin = UserFactory(roles=[Role.ADMINISTRATOR])
        client.force_login(admin)
        html = client.get(reverse("organisation_sheets:index")).content.decode()
        assert "Mon Organisme" in html and "Autre Organisme" in html
        form = client.get(reverse("organisation_sheets:edit", args=[other.pk])).context["form"]
        assert {"membership_state", "category", "referent"} <= set(form.fields)


class TestOtherRoles:
    def test_company_recruiter_has_no_access(self, client, other):
        user = UserFactory(roles=[Role.COMPANY_RECRUITER], organisation=other)
        client.force_login(user)
        assert client.get(reverse("organisation_sheets:index")).status_code in (302, 403)
        assert client.get(reverse("organisation_sheets:edit", args=[other.pk])).status_code in (302, 403)

    def test_anonymous_is_sent_to_login(self, client, other):
        response = client.get(reverse("organisation_sheets:index"))
        assert response.status_code == 302
        assert "/extranet/login/" in response["Location"]
