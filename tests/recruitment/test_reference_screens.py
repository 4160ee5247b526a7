"""Contact points (administrators), consent terms, city autocomplete and the contact list of an organisation."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.models import City, ContactPoint
from tests.portal.factories import UserFactory

from .factories import CandidateFactory, area, partner_with_adviser


@pytest.mark.django_db
class TestContactPointsForAdministrators:
    def test_administrator_creates_one_per_organisation_and_area(self, client):
        org, adviser = partner_with_adviser()
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
        data = {"organisation": org.pk, "employment_area": area().pk, "user": adviser.pk}
        assert client.post(reverse("recruitment_contact_points:add"), data).status_code == 302
        assert ContactPoint.objects.get().user == adviser
        response = client.post(reverse("recruitment_contact_points:add"), data)
        assert response.status_code == 200
        assert ContactPoint.objects.count() == 1

    def test_unique_together_in_the_database(self):
        org, adviser = partner_with_adviser()
        ContactPoint.objects.create(organisation=org, employment_area=area(), user=adviser)
        with pytest.raises(IntegrityError):
            ContactPoint.objects.create(organisation=org, employment_area=area(), user=adviser)

    def test_adviser_cannot_edit_contact_points(self, client):
        _org, adviser = partner_with_adviser()
        client.force_login(adviser)
        assert client.get(reverse("recruitment_contact_points:index")).status_code in (302, 403)
        assert client.get(reverse("recruitment_consent_terms:add")).status_code in (302, 403)


@pytest.mark.django_db
class TestCityAutocomplete:
    def test_cities_already_entered_are_offered_accent_insensitively(self, client):
        _org, adviser = partner_with_adviser()
        CandidateFactory(city="Sélestat")
        CandidateFactory(city="Strasbourg")
        assert City.objects.filter(name="Sélestat").exists()
        client.force_login(adviser)
        assert client.get(reverse("recruitment:cities"), {"q": "sele"}).json() == {"results": ["Sélestat"]}
        assert client.get(reverse("recruitment:cities"), {"q": "s"}).json() == {"results": []}

    def test_refused_to_users_without_dossiers(self, client):
        client.force_login(UserFactory(roles=[Role.COMPANY_RECRUITER]))
        assert client.get(reverse("recruitment:cities"), {"q": "sele"}).status_code == 403


@pytest.mark.django_db
class TestOrganisationContacts:
    def test_adviser_gets_the_people_of_their_organisation(self, client):
        org, adviser = partner_with_adviser()
        colleague = UserFactory(organisation=org, last_name="COLLEGUE")
        client.force_login(adviser)
        results = client.get(reverse("recruitment:organisation_users"), {"organisation": org.pk}).json()["results"]
        assert {r["id"] for r in results} == {adviser.pk, colleague.pk}

    def test_administrator_gets_any_partner(self, client):
        org, adviser = partner_with_adviser()
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
        results = client.get(reverse("recruitment:organisation_users"), {"organisation": org.pk}).json()["results"]
        assert [r["id"] for r in results] == [adviser.pk]


@pytest.mark.django_db
class TestConsentTermsPage:
    def test_current_terms_shown(self, client):
        from .factories import terms

        terms()
        _org, adviser = partner_with_adviser()
        client.force_login(adviser)
        response = client.get(reverse("recruitment:terms"))
        assert "Conditions de test." in response.content.decode()


@pytest.mark.django_db
class TestMenu:
    def test_adviser_menu_offers_creation_and_search(self, client):
        _org, adviser = partner_with_adviser()
        client.force_login(adviser)
        page = client.get("/extranet/").content.decode()
        assert "Candidatures" in page
        # The sidebar is JSON: look for the items' names and URLs.
        assert '"name": "dossier-create"' in page and reverse("recruitment_dossiers:add") in page
        assert "Recherche dossiers" in page
        assert "Points de contact" not in page

    def test_company_recruiter_has_no_dossier_menu(self, client):
        client.force_login(UserFactory(roles=[Role.COMPANY_RECRUITER]))
        page = client.get("/extranet/").content.decode()
        assert "dossier-create" not in page and "Candidatures" not in page
