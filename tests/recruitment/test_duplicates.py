"""Uniqueness check: identifier, else name + first name + city; accents and case ignored; all organisations."""

import pytest

from recruitment.duplicates import find_duplicates, identity_key, is_possible_duplicate, normalize

from .factories import CandidateFactory


class TestPureRules:
    def test_normalize_removes_accents_case_and_punctuation(self):
        assert normalize("  Émile-Zoé  ") == "emile zoe"
        assert normalize("SAINT-ÉTIENNE") == normalize("saint etienne")

    def test_identity_key_needs_the_three_parts(self):
        assert identity_key("Durand", "Zoé", "") == ""
        assert identity_key("DURAND", "Zoé", "Sélestat") == identity_key("durand", "ZOE", "selestat")

    def test_identifier_decides_when_both_have_one(self):
        a = {"france_travail_id": "1234567A", "last_name": "Durand", "first_name": "Zoé", "city": "Colmar"}
        b = {"france_travail_id": "1234567a", "last_name": "Martin", "first_name": "Paul", "city": "Metz"}
        assert is_possible_duplicate(a, b)
        assert not is_possible_duplicate(a, {**a, "france_travail_id": "7654321B"})

    def test_name_and_city_when_an_identifier_is_missing(self):
        a = {"france_travail_id": "", "last_name": "Lefèvre", "first_name": "Hélène", "city": "Sélestat"}
        assert is_possible_duplicate(a, {"last_name": "LEFEVRE", "first_name": "helene", "city": "SELESTAT"})
        assert not is_possible_duplicate(a, {"last_name": "LEFEVRE", "first_name": "helene", "city": "Colmar"})


@pytest.mark.django_db
class TestLookupAcrossOrganisations:
    def test_identifier_match_in_another_organisation(self):
        other = CandidateFactory(last_name="Martin", first_name="Paul", with_identifier=True)
        names = find_duplicates(
            france_travail_id=other.france_travail_id.lower(), last_name="X", first_name="Y", city="Z"
        )
        assert names == ["MARTIN Paul"]

    def test_name_city_match_with_accents_and_case(self):
        CandidateFactory(last_name="Lefèvre", first_name="Hélène", city="Sélestat")
        assert find_duplicates(last_name="lefevre", first_name="HELENE", city="selestat") == ["LEFÈVRE Hélène"]

    def test_other_city_is_not_a_duplicate(self):
        CandidateFactory(last_name="Lefèvre", first_name="Hélène", city="Sélestat")
        assert find_duplicates(last_name="Lefèvre", first_name="Hélène", city="Colmar") == []

    def test_different_identifiers_are_different_people(self):
        CandidateFactory(last_name="Durand", first_name="Zoé", city="Metz", with_identifier=True)
        assert find_duplicates(france_travail_id="9999999Z", last_name="Durand", first_name="Zoé", city="Metz") == []
