"""The dossier screens per permission profile: listing, edit, history, usage, delete and the exports.

Every object route comes from the viewset itself (portal.viewsets.ScopedModelViewSet builds them all), so a
route added later is covered too. Roles are data: renaming groups changes nothing, removing a permission
from a group closes the matching screen.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.models import Candidate
from recruitment.viewsets import DossierViewSet
from tests.portal.factories import OrganisationFactory, UserFactory

from .factories import CandidateFactory, partner_with_adviser
from .helpers import url

COMMISSION_ROLES = [Role.SESSION_PILOT, Role.ADVISORY_RECRUITER, Role.TRAINING_COMMISSION]
REFUSED = (302, 403)


def object_route_names():
    """Every route of the dossier viewset addressed by a dossier's primary key."""
    return [pattern.name for pattern in DossierViewSet().get_urlpatterns() if "<int:pk>" in str(pattern.pattern)]


def object_routes(candidate):
    return {name: url(name, candidate.pk) for name in object_route_names()}


def personal_data_url(candidate):
    return reverse("recruitment:personal_data", args=[candidate.pk])


def csv_export(client):
    response = client.get(url("index"), {"export": "csv"})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def dossier_of_a():
    organisation, adviser = partner_with_adviser()
    return CandidateFactory(organisation=organisation, organisation_contact=adviser, last_name="Zorglub")


def login(client, *roles, **kwargs):
    user = UserFactory(roles=list(roles), **kwargs)
    client.force_login(user)
    return user


def test_the_viewset_has_the_object_routes_of_the_issue():
    assert {"edit", "delete", "history", "history_results", "usage"} <= set(object_route_names())


@pytest.mark.django_db
class TestAdviserOfTheOrganisation:
    @pytest.fixture
    def adviser(self, client, dossier_of_a):
        client.force_login(dossier_of_a.organisation_contact)
        return dossier_of_a.organisation_contact

    def test_lists_edits_and_reads_the_history_and_usage(self, client, adviser, dossier_of_a):
        assert "ZORGLUB" in client.get(url("index")).content.decode()
        for name in ("edit", "history", "history_results", "usage"):
            assert client.get(url(name, dossier_of_a.pk)).status_code == 200, name

    def test_exports_the_organisations_dossiers_and_the_personal_data(self, client, adviser, dossier_of_a):
        assert "ZORGLUB" in csv_export(client)
        assert client.get(personal_data_url(dossier_of_a)).status_code == 200

    def test_may_not_delete(self, client, adviser, dossier_of_a):
        assert client.get(url("delete", dossier_of_a.pk)).status_code in REFUSED
        assert client.post(url("delete", dossier_of_a.pk)).status_code in REFUSED
        assert Candidate.objects.filter(pk=dossier_of_a.pk).exists()

    def test_listing_reads_a_bounded_number_of_queries(self, client, adviser, django_assert_max_num_queries):
        for _ in range(15):
            CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, with_consent=True)
        with django_assert_max_num_queries(20):
            response = client.get(url("index"))
        assert response.status_code == 200
        assert len(response.context["object_list"]) == 16


@pytest.mark.django_db
class TestAdviserOfAnotherOrganisation:
    def test_every_object_route_and_export_answers_404(self, client, dossier_of_a):
        _organisation, adviser_b = partner_with_adviser()
        client.force_login(adviser_b)
        for name, route in object_routes(dossier_of_a).items():
            assert client.get(route).status_code == 404, name
            assert client.post(route).status_code == 404, name
        assert client.get(personal_data_url(dossier_of_a)).status_code == 404

    def test_listing_and_export_do_not_show_it(self, client, dossier_of_a):
        _organisation, adviser_b = partner_with_adviser()
        client.force_login(adviser_b)
        assert "ZORGLUB" not in client.get(url("index")).content.decode()
        assert "ZORGLUB" not in csv_export(client)


@pytest.mark.django_db
class TestCommissionMember:
    @pytest.mark.parametrize("role", COMMISSION_ROLES)
    def test_lists_edits_and_reads_every_dossier(self, client, dossier_of_a, role):
        login(client, role)
        assert "ZORGLUB" in client.get(url("index")).content.decode()
        assert "ZORGLUB" in csv_export(client)
        for name in ("edit", "history", "history_results", "usage"):
            assert client.get(url(name, dossier_of_a.pk)).status_code == 200, name

    @pytest.mark.parametrize("role", COMMISSION_ROLES)
    def test_may_neither_delete_nor_export_personal_data(self, client, dossier_of_a, role):
        login(client, role)
        assert client.post(url("delete", dossier_of_a.pk)).status_code in REFUSED
        assert client.get(personal_data_url(dossier_of_a)).status_code == 403
        assert Candidate.objects.filter(pk=dossier_of_a.pk).exists()


@pytest.mark.django_db
class TestAdministrator:
    def test_every_route_and_the_deletion(self, client, dossier_of_a):
        login(client, Role.ADMINISTRATOR)
        assert "ZORGLUB" in client.get(url("index")).content.decode()
        for name, route in object_routes(dossier_of_a).items():
            assert client.get(route).status_code == 200, name
        assert client.get(personal_data_url(dossier_of_a)).status_code == 200
        assert client.post(url("delete", dossier_of_a.pk)).status_code == 302
        assert not Candidate.objects.filter(pk=dossier_of_a.pk).exists()


@pytest.mark.django_db
class TestCompanyRecruiter:
    def test_refused_everywhere(self, client, dossier_of_a):
        login(client, Role.COMPANY_RECRUITER, organisation=OrganisationFactory(company=True))
        assert client.get(url("index")).status_code in REFUSED
        assert client.get(url("index"), {"export": "csv"}).status_code in REFUSED
        for name, route in object_routes(dossier_of_a).items():
            assert client.get(route).status_code in (*REFUSED, 404), name
        assert client.get(personal_data_url(dossier_of_a)).status_code in (403, 404)


@pytest.mark.django_db
class TestAnonymous:
    def test_sent_to_the_login_page(self, client, dossier_of_a):
        for route in [url("index"), *object_routes(dossier_of_a).values(), personal_data_url(dossier_of_a)]:
            response = client.get(route)
            assert response.status_code == 302 and "login" in response.url, route


@pytest.mark.django_db
class TestRolesAreData:
    def test_renamed_groups_change_nobodys_access(self, client, dossier_of_a):
        pilot = UserFactory(roles=[Role.SESSION_PILOT])
        _organisation, adviser_b = partner_with_adviser()
        for group in Group.objects.all():
            group.name = f"Renommé {group.pk}"
            group.save()
        client.force_login(pilot)
        assert client.get(url("edit", dossier_of_a.pk)).status_code == 200
        client.force_login(dossier_of_a.organisation_contact)
        assert client.get(personal_data_url(dossier_of_a)).status_code == 200
        client.force_login(adviser_b)
        assert client.get(url("edit", dossier_of_a.pk)).status_code == 404

    def test_removing_view_all_from_a_group_closes_other_organisations_dossiers(self, client, dossier_of_a):
        login(client, Role.SESSION_PILOT)
        assert client.get(url("edit", dossier_of_a.pk)).status_code == 200
        Group.objects.get(name=Role.SESSION_PILOT).permissions.remove(
            Permission.objects.get(codename="view_all_candidates", content_type__app_label="recruitment")
        )
        assert client.get(url("edit", dossier_of_a.pk)).status_code == 404
        assert "ZORGLUB" not in client.get(url("index")).content.decode()

    def test_removing_the_export_permission_closes_the_personal_data_export(self, client, dossier_of_a):
        client.force_login(dossier_of_a.organisation_contact)
        Group.objects.get(name=Role.EMPLOYMENT_ADVISER).permissions.remove(
            Permission.objects.get(codename="export_candidate_data")
        )
        assert client.get(personal_data_url(dossier_of_a)).status_code == 403
