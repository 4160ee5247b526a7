"""Creating and editing a dossier as a Référent Emploi: required fields, uniqueness, statuses, history."""

import pytest

from recruitment.models import Candidate, City, DossierLogEntry

from .factories import (
    CandidateFactory,
    commission_status,
    complete,
    partner_with_adviser,
    temporary_situation,
)
from .helpers import dossier_data, url


@pytest.fixture
def adviser(client):
    _org, user = partner_with_adviser()
    client.force_login(user)
    return user


def errors(response):
    form = response.context["form"]
    return {**form.errors, "__all__": form.non_field_errors()}


@pytest.mark.django_db
class TestAdviserCreatesADossier:
    def test_created_in_own_organisation_and_reopened_in_edit_mode(self, client, adviser):
        response = client.post(url("add"), dossier_data(adviser, last_name="  de la Tour ", city="Sélestat"))
        candidate = Candidate.objects.get()
        assert response.status_code == 302
        assert response.url == url("edit", candidate.pk)
        assert candidate.last_name == "DE LA TOUR"
        assert candidate.organisation == adviser.organisation
        assert candidate.created_by == adviser
        assert City.objects.filter(name="Sélestat").exists()
        assert DossierLogEntry.objects.for_instance(candidate).filter(action="wagtail.create").exists()

    def test_france_travail_identifier_required_when_known(self, client, adviser):
        response = client.post(url("add"), dossier_data(adviser, has_france_travail_id="True"))
        assert "france_travail_id" in errors(response)
        assert not Candidate.objects.exists()

    def test_caf_number_required_for_rsa_beneficiary(self, client, adviser):
        response = client.post(url("add"), dossier_data(adviser, is_rsa_beneficiary="True"))
        assert "caf_number" in errors(response)
        response = client.post(url("add"), dossier_data(adviser, is_rsa_beneficiary="True", caf_number="1234567"))
        assert response.status_code == 302
        assert Candidate.objects.get().caf_number == "1234567"

    def test_identifier_dropped_when_answer_is_no(self, client, adviser):
        client.post(url("add"), dossier_data(adviser, has_france_travail_id="False", france_travail_id="1234567A"))
        assert Candidate.objects.get().france_travail_id == ""

    def test_planned_end_date_required_for_temporary_situation(self, client, adviser):
        response = client.post(url("add"), dossier_data(adviser, situation=temporary_situation().pk))
        assert "situation_end_date" in errors(response)

    def test_contact_must_belong_to_the_organisation(self, client, adviser):
        _other_org, stranger = partner_with_adviser()
        response = client.post(url("add"), dossier_data(adviser, organisation_contact=stranger.pk))
        assert "organisation_contact" in errors(response)

    def test_adviser_cannot_file_for_another_partner(self, client, adviser):
        other_org, stranger = partner_with_adviser()
        response = client.post(
            url("add"), dossier_data(adviser, organisation=other_org.pk, organisation_contact=stranger.pk)
        )
        assert "organisation" in errors(response)
        assert not Candidate.objects.exists()


@pytest.mark.django_db
class TestUniquenessCheck:
    def test_same_name_and_city_in_another_organisation_blocks_creation(self, client, adviser):
        other = CandidateFactory(last_name="Lefèvre", first_name="Hélène", city="Sélestat", phone="0388000000")
        response = client.post(
            url("add"), dossier_data(adviser, last_name="LEFEVRE", first_name="helene", city="SELESTAT")
        )
        assert response.status_code == 200
        message = " ".join(errors(response)["__all__"])
        assert "LEFÈVRE Hélène" in message
        assert "recrutement.ge@numeric-emploi.org" in message
        content = response.content.decode()
        assert other.organisation.name not in content
        assert "0388000000" not in content
        assert Candidate.objects.count() == 1

    def test_same_identifier_blocks_creation(self, client, adviser):
        other = CandidateFactory(with_identifier=True, city="Metz")
        response = client.post(
            url("add"),
            dossier_data(adviser, has_france_travail_id="True", france_travail_id=other.france_travail_id.lower()),
        )
        assert str(other) in " ".join(errors(response)["__all__"])
        assert Candidate.objects.count() == 1

    def test_check_button_returns_names_only(self, client, adviser):
        other = CandidateFactory(last_name="Lefèvre", first_name="Hélène", city="Sélestat")
        response = client.get(
            "/recrutement/doublons/", {"last_name": "lefevre", "first_name": "Hélène", "city": "selestat"}
        )
        data = response.json()
        assert data["duplicates"] == ["LEFÈVRE Hélène"]
        assert other.organisation.name not in response.content.decode()
        assert (
            client.get("/recrutement/doublons/", {"last_name": "Autre", "first_name": "X", "city": "Y"}).json()[
                "duplicates"
            ]
            == []
        )


@pytest.mark.django_db
class TestStatuses:
    def test_adviser_cannot_set_a_commission_status(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, with_consent=True)
        data = dossier_data(adviser, status=commission_status().pk, last_name=candidate.last_name)
        response = client.post(url("edit", candidate.pk), data)
        assert "status" in errors(response)

    def test_complete_dossier_refused_without_consent(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser)
        response = client.post(url("edit", candidate.pk), dossier_data(adviser, status=complete().pk))
        assert "consentement" in " ".join(errors(response)["status"])
        candidate.refresh_from_db()
        assert candidate.status.code == "constitution-dossier"

    def test_complete_dossier_accepted_with_consent_and_history_written(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, with_consent=True)
        response = client.post(url("edit", candidate.pk), dossier_data(adviser, status=complete().pk))
        assert response.status_code == 302
        entry = DossierLogEntry.objects.for_instance(candidate).get(action="recruitment.change")
        assert entry.user == adviser
        assert {"field": "statut du dossier", "old": "Constitution dossier", "new": "Dossier complet à étudier"} in (
            entry.data["changes"]
        )
        history = client.get(url("history", candidate.pk))
        assert "Constitution dossier → Dossier complet à étudier" in history.content.decode()


@pytest.mark.django_db
class TestUniquenessCheckIsRateLimited:
    def test_too_many_checks_refused(self, client, adviser):
        params = {"last_name": "Autre", "first_name": "X", "city": "Y"}
        statuses = [client.get("/recrutement/doublons/", params).status_code for _ in range(61)]
        assert statuses[:60] == [200] * 60
        assert statuses[60] == 403


@pytest.mark.django_db
class TestEffectiveDates:
    def test_changed_status_without_new_date_takes_effect_today(self, client, adviser):
        from datetime import date

        from django.utils import timezone

        from .factories import constitution

        candidate = CandidateFactory(
            organisation=adviser.organisation,
            organisation_contact=adviser,
            with_consent=True,
            status_date=date(2025, 1, 1),
            status=constitution(),
        )
        # As the browser does: fields with a callable default post their initial value too.
        data = dossier_data(
            adviser, status=complete().pk, status_date="2025-01-01", **{"initial-status_date": "2025-01-01"}
        )
        assert client.post(url("edit", candidate.pk), data).status_code == 302
        candidate.refresh_from_db()
        assert candidate.status_date == timezone.localdate()
