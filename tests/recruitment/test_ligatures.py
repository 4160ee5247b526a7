"""The ligatures œ and æ are letters, not punctuation: "coeur" finds "Cœur", "Laetitia" finds "Lætitia", a twin
typed without the ligature is detected, and migration 0010 recomputes the keys stored under the previous rule."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from recruitment import rules
from recruitment.models import Candidate, City

from .factories import CandidateFactory
from .helpers import url

migration = importlib.import_module("recruitment.migrations.0010_ligature_keys")


class TestRule:
    @pytest.mark.parametrize(
        ("typed", "normalised"),
        [
            ("Cœur", "coeur"),
            ("CŒUR", "coeur"),
            ("Lætitia", "laetitia"),
            ("LÆTITIA", "laetitia"),
            ("Vœuil-et-Giget", "voeuil et giget"),
            ("  Émile-Zoé ", "emile zoe"),
        ],
    )
    def test_ligatures_are_spelled_out(self, typed, normalised):
        assert rules.normalize(typed) == normalised

    def test_search_and_identity_keys_ignore_the_ligature(self):
        assert rules.search_text("CŒUR", "Lætitia") == "coeur laetitia"
        assert rules.search_words("cœur") == ["coeur"]
        assert rules.identity_key("CŒUR", "Lætitia", "Vœuil") == rules.identity_key("coeur", "LAETITIA", "voeuil")

    def test_the_previous_rule_read_the_ligature_as_a_separator(self):
        assert migration._previous_normalize("Cœur") == "c ur"


@pytest.mark.django_db
class TestSearch:
    def test_coeur_finds_coeur_with_the_ligature_and_back(self, client, adviser):
        for last, first in [("Cœur", "Anne"), ("Martin", "Lætitia"), ("Coeurjoly", "Paul"), ("Durand", "Léa")]:
            CandidateFactory(
                organisation=adviser.organisation, organisation_contact=adviser, last_name=last, first_name=first
            )

        def listed(name):
            response = client.get(url("index"), {"name": name})
            return {c.last_name for c in response.context["object_list"]}

        assert listed("coeur") == {"CŒUR", "COEURJOLY"}
        assert listed("cœur anne") == {"CŒUR"}
        assert listed("Laetitia") == {"MARTIN"}
        assert listed("LÆTITIA") == {"MARTIN"}

    def test_a_twin_typed_without_the_ligature_is_detected(self):
        CandidateFactory(last_name="Cœur", first_name="Lætitia", city="Vœuil")
        assert Candidate.objects.duplicate_names("", rules.identity_key("COEUR", "Laetitia", "Voeuil")) == [
            "CŒUR Lætitia"
        ]

    def test_the_city_autocomplete_finds_the_ligature(self, client, adviser):
        City.remember("Vœuil-et-Giget")
        response = client.get(reverse("recruitment:cities"), {"q": "voeuil"})
        assert response.json()["results"] == ["Vœuil-et-Giget"]


@pytest.mark.django_db
class TestMigration:
    def _stale(self, **names):
        """A dossier whose keys were stored by the previous rule."""
        candidate = CandidateFactory(**names)
        old = migration._keys(migration._previous_normalize, candidate)
        Candidate.objects.filter(pk=candidate.pk).update(**old)
        return candidate, old

    def test_forward_recomputes_the_rows_with_a_ligature_and_reverse_restores_them(self):
        candidate, old = self._stale(last_name="Cœur", first_name="Lætitia", city="Nancy")
        plain = CandidateFactory(last_name="Durand", first_name="Léa")
        plain_keys = Candidate.objects.filter(pk=plain.pk).values("search_name", "identity_key").get()
        assert old["search_name"] == "c ur l titia"

        migration.recompute(rules.normalize)(apps, None)  # the current models stand in for the historical ones
        stored = Candidate.objects.get(pk=candidate.pk)
        assert stored.search_name == "coeur laetitia"
        assert stored.identity_key == rules.identity_key("Cœur", "Lætitia", "Nancy")
        assert Candidate.objects.filter(pk=plain.pk).values("search_name", "identity_key").get() == plain_keys

        migration.recompute(migration._previous_normalize)(apps, None)
        stored = Candidate.objects.get(pk=candidate.pk)
        assert (stored.search_name, stored.identity_key) == (old["search_name"], old["identity_key"])

    def test_the_city_keys_follow_and_a_spelling_now_equal_to_another_is_dropped(self):
        City.objects.create(name="Vœuil", key="v uil")
        City.objects.create(name="Sœurs", key="s urs")
        City.objects.create(name="Soeurs", key="soeurs")
        migration.recompute(rules.normalize)(apps, None)
        assert dict(City.objects.values_list("name", "key")) == {"Vœuil": "voeuil", "Soeurs": "soeurs"}
