"""Uniqueness of a dossier: identifier, else name + first name + city; accents and case ignored; all
organisations; checked on EVERY save that changes the identity, by the model (form, shell, any path)."""

import pytest
from django.core.exceptions import ValidationError

from recruitment.duplicates import identity_keys
from recruitment.models import Candidate
from recruitment.rules import identity_key, normalize

from .factories import CandidateFactory, partner_with_adviser
from .helpers import dossier_data, url


def names(**identity):
    return Candidate.objects.duplicate_names(*identity_keys(**identity))


class TestPureRules:
    def test_normalize_removes_accents_case_and_punctuation(self):
        assert normalize("  Émile-Zoé  ") == "emile zoe"
        assert normalize("SAINT-ÉTIENNE") == normalize("saint etienne")

    def test_identity_key_needs_the_three_parts(self):
        assert identity_key("Durand", "Zoé", "") == ""
        assert identity_key("DURAND", "Zoé", "Sélestat") == identity_key("durand", "ZOE", "selestat")


@pytest.mark.django_db
class TestLookupAcrossOrganisations:
    def test_identifier_match_in_another_organisation(self):
        other = CandidateFactory(last_name="Martin", first_name="Paul", with_identifier=True)
        assert names(france_travail_id=other.france_travail_id.lower(), last_name="X", first_name="Y", city="Z") == [
            "MARTIN Paul"
        ]

    def test_name_city_match_with_accents_and_case(self):
        CandidateFactory(last_name="Lefèvre", first_name="Hélène", city="Sélestat")
        assert names(last_name="lefevre", first_name="HELENE", city="selestat") == ["LEFÈVRE Hélène"]

    def test_other_city_is_not_a_duplicate(self):
        CandidateFactory(last_name="Lefèvre", first_name="Hélène", city="Sélestat")
        assert names(last_name="Lefèvre", first_name="Hélène", city="Colmar") == []

    def test_different_identifiers_are_different_people(self):
        CandidateFactory(last_name="Durand", first_name="Zoé", city="Metz", with_identifier=True)
        assert names(france_travail_id="9999999Z", last_name="Durand", first_name="Zoé", city="Metz") == []

    def test_same_name_and_city_match_a_dossier_without_identifier(self):
        CandidateFactory(last_name="Durand", first_name="Zoé", city="Metz")
        assert names(france_travail_id="9999999Z", last_name="Durand", first_name="Zoé", city="Metz") == ["DURAND Zoé"]

    def test_anonymised_dossiers_are_not_matched(self):
        CandidateFactory(last_name="Durand", first_name="Zoé", city="Metz", anonymised_at="2026-01-01T00:00Z")
        assert names(last_name="Durand", first_name="Zoé", city="Metz") == []


@pytest.fixture
def partner_a_candidate():
    organisation, _adviser = partner_with_adviser(name="Partenaire A")
    return CandidateFactory(
        organisation=organisation, last_name="Lefèvre", first_name="Hélène", city="Sélestat", with_identifier=True
    )


@pytest.fixture
def adviser_b(client):
    _organisation, adviser = partner_with_adviser(name="Partenaire B")
    client.force_login(adviser)
    return adviser


def quick_initialised(adviser, **kwargs):
    """A dossier of partner B created without consent nor identifier (the manual's quick initialisation)."""
    defaults = {"last_name": "Durand", "first_name": "Zoé", "city": "Strasbourg"}
    return CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, **{**defaults, **kwargs})


def non_field_errors(response):
    return " ".join(response.context["form"].non_field_errors())


@pytest.mark.django_db
class TestUniquenessOnEveryEdit:
    """The extranet edit form: the model refuses the identity of a dossier followed elsewhere."""

    def test_later_identifier_of_another_partners_candidate_refused(self, client, adviser_b, partner_a_candidate):
        dossier = quick_initialised(adviser_b)
        data = dossier_data(
            adviser_b, has_france_travail_id="True", france_travail_id=partner_a_candidate.france_travail_id
        )
        response = client.post(url("edit", dossier.pk), data)
        assert response.status_code == 200
        message = non_field_errors(response)
        assert "LEFÈVRE Hélène" in message and "recrutement.ge@numeric-emploi.org" in message
        assert "Partenaire A" not in response.content.decode()  # names only
        dossier.refresh_from_db()
        assert dossier.france_travail_id == ""

    def test_later_rename_to_another_partners_candidate_refused(self, client, adviser_b, partner_a_candidate):
        dossier = quick_initialised(adviser_b)
        data = dossier_data(adviser_b, last_name="lefevre", first_name="HELENE", city="selestat")
        response = client.post(url("edit", dossier.pk), data)
        assert "LEFÈVRE Hélène" in non_field_errors(response)
        dossier.refresh_from_db()
        assert dossier.last_name == "DURAND"

    def test_unchanged_identity_not_reblocked_by_an_existing_twin(self, client, adviser_b):
        dossier = quick_initialised(adviser_b)
        CandidateFactory(last_name="Durand", first_name="Zoé", city="Strasbourg")  # a twin already known
        response = client.post(url("edit", dossier.pk), dossier_data(adviser_b, phone="0611111111"))
        assert response.status_code == 302
        dossier.refresh_from_db()
        assert dossier.phone == "0611111111"

    def test_identity_changed_to_a_free_one_accepted(self, client, adviser_b, partner_a_candidate):
        dossier = quick_initialised(adviser_b)
        response = client.post(url("edit", dossier.pk), dossier_data(adviser_b, first_name="Zoëlle"))
        assert response.status_code == 302


@pytest.mark.django_db
class TestUniquenessInTheModel:
    """Any other path (shell, command, import, the recruiters' trainee proposal) calls full_clean()."""

    def test_full_clean_refuses_a_later_identifier(self, partner_a_candidate):
        _organisation, adviser = partner_with_adviser()
        dossier = quick_initialised(adviser)
        dossier.has_france_travail_id = True
        dossier.france_travail_id = f" {partner_a_candidate.france_travail_id.lower()} "
        with pytest.raises(ValidationError) as error:
            dossier.full_clean()
        assert error.value.error_dict["__all__"][0].code == "duplicate"
        assert "LEFÈVRE Hélène" in str(error.value)
        assert "Partenaire A" not in str(error.value)

    def test_full_clean_refuses_a_later_rename(self, partner_a_candidate):
        _organisation, adviser = partner_with_adviser()
        dossier = quick_initialised(adviser)
        dossier.last_name, dossier.first_name, dossier.city = "LEFEVRE", "helene", "SÉLESTAT"
        with pytest.raises(ValidationError, match="LEFÈVRE Hélène"):
            dossier.full_clean()

    def test_full_clean_of_a_new_dossier_refuses_a_twin(self, partner_a_candidate):
        twin = CandidateFactory.build(
            organisation=CandidateFactory().organisation, last_name="Lefevre", first_name="Hélène", city="Selestat"
        )
        with pytest.raises(ValidationError, match="LEFÈVRE Hélène"):
            twin.full_clean()

    def test_full_clean_with_unchanged_identity_passes_despite_a_twin(self):
        _organisation, adviser = partner_with_adviser()
        dossier = quick_initialised(adviser)
        CandidateFactory(last_name="Durand", first_name="Zoé", city="Strasbourg")
        reloaded = Candidate.objects.get(pk=dossier.pk)
        reloaded.phone = "0622222222"
        reloaded.full_clean()  # no error
