"""Dossier search at scale: the accent-free name search on both databases, the search column kept on every
write path, the cached reference lists of the filters and of the form, and the query budgets of the search
(≤ 15, constant) and of the dossier page (≤ 30)."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment import rules
from recruitment.demo import create_candidates
from recruitment.models import Candidate, DossierStatus
from tests.portal.factories import UserFactory

from .factories import CandidateFactory, complete, job, partner_with_adviser
from .helpers import url

fill_migration = importlib.import_module("recruitment.migrations.0009_fill_search_name")


def listed(client, **params):
    response = client.get(url("index"), params)
    assert response.status_code == 200
    return {c.last_name for c in response.context["object_list"]}


@pytest.fixture
def pilot(client):
    user = UserFactory(roles=[Role.SESSION_PILOT])
    client.force_login(user)
    return user


def in_org(adviser, n, **kwargs):
    return [
        CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, **kwargs) for _ in range(n)
    ]


class TestSearchText:
    def test_accents_case_and_punctuation_are_ignored(self):
        assert rules.search_text("ÉLISE-NOËL", "Zoé") == "elise noel zoe"
        assert rules.search_words("  Élise  noël-") == ["elise", "noel"]
        assert rules.search_words("") == []


@pytest.mark.django_db
class TestNameSearch:
    def test_elise_finds_elise_with_accent_and_in_capitals(self, client, adviser):
        CandidateFactory(organisation=adviser.organisation, last_name="Élise", first_name="Anne")
        in_org(adviser, 1, last_name="Martin", first_name="ELISE")
        in_org(adviser, 1, last_name="Élisabeth", first_name="Paul")
        in_org(adviser, 1, last_name="Élise", first_name="Zoé")
        in_org(adviser, 1, last_name="Durand", first_name="Marc")
        # Another organisation's Élise stays out of the adviser's results.
        assert listed(client, name="elise") == {"MARTIN", "ÉLISE"}
        assert listed(client, name="ÉLISE") == {"MARTIN", "ÉLISE"}
        assert listed(client, name="elis") == {"MARTIN", "ÉLISE", "ÉLISABETH"}

    def test_every_word_must_be_found_in_the_last_or_first_name(self, client, adviser):
        in_org(adviser, 1, last_name="Lefèvre", first_name="Jean-Hervé")
        in_org(adviser, 1, last_name="Lefèvre", first_name="Anne")
        assert listed(client, name="lefevre herve") == {"LEFÈVRE"}
        assert listed(client, name="herve LEFE") == {"LEFÈVRE"}
        assert listed(client, name="jean-herve") == {"LEFÈVRE"}
        assert listed(client, name="anne herve") == set()

    def test_the_pilot_searches_every_organisation(self, client, pilot):
        CandidateFactory(last_name="Noël")
        CandidateFactory(last_name="Noëlle")
        CandidateFactory(last_name="Martin")
        assert listed(client, name="noel") == {"NOËL", "NOËLLE"}

    def test_the_name_autocomplete_ignores_accents(self, client, adviser):
        in_org(adviser, 1, last_name="Élise", first_name="Anne")
        response = client.get(reverse("recruitment:candidate_names"), {"q": "elise"})
        assert response.json()["results"] == ["ÉLISE Anne"]


@pytest.mark.django_db
class TestSearchColumnOnEveryPath:
    def test_save_keeps_it(self):
        candidate = CandidateFactory(last_name="Gérard", first_name="Hélène")
        assert candidate.search_name == "gerard helene"
        candidate.first_name = "Chloé"
        candidate.save(update_fields=["first_name"])
        candidate.refresh_from_db()
        assert candidate.search_name == "gerard chloe"

    def test_bulk_create_and_bulk_update_keep_it(self):
        twin = CandidateFactory()
        fields = ("civility", "employment_area", "city", "organisation", "organisation_contact", "channel")
        model = Candidate(
            last_name="Bérénice",
            first_name="Ève",
            situation=twin.situation,
            status=twin.status,
            **{name: getattr(twin, name) for name in fields},
        )
        (created,) = Candidate.objects.bulk_create([model])
        assert Candidate.objects.get(pk=created.pk).search_name == "berenice eve"
        created.last_name = "ÅSTRÖM"
        Candidate.objects.bulk_update([created], ["last_name"])
        assert Candidate.objects.get(pk=created.pk).search_name == "astrom eve"

    def test_update_of_a_name_without_the_column_is_refused(self):
        CandidateFactory()
        with pytest.raises(TypeError):
            Candidate.objects.update(last_name="X")

    def test_demo_dossiers_have_it(self):
        _org, adviser = partner_with_adviser()
        create_candidates(5, [adviser], seed_key="search-column")
        for candidate in Candidate.objects.all():
            assert candidate.search_name == rules.search_text(candidate.last_name, candidate.first_name)

    def test_the_data_migration_fills_existing_rows(self):
        candidate = CandidateFactory(last_name="Ñúñez", first_name="Inès")
        Candidate.objects.filter(pk=candidate.pk).update(search_name="")
        fill_migration.fill_search_name(apps, None)  # the current models stand in for the historical ones
        assert Candidate.objects.get(pk=candidate.pk).search_name == "nunez ines"

    def test_postgresql_has_a_trigram_index_on_it_sqlite_none(self):
        with connection.cursor() as cursor:
            indexes = connection.introspection.get_constraints(cursor, Candidate._meta.db_table)
        trigram = indexes.get(fill_migration.TRIGRAM_INDEX)
        if connection.vendor == "postgresql":
            assert trigram is not None and trigram["columns"] == ["search_name"]
        else:
            assert trigram is None


@pytest.mark.django_db
class TestCachedReferenceLists:
    def test_the_filters_list_the_reference_rows_and_follow_an_edit(self, client, adviser):
        status = DossierStatus.objects.create(code="test-statut", name="Statut de test", adviser_may_set=True)
        assert ">Statut de test</option>" in client.get(url("index")).content.decode()
        status.name = "Statut renommé"
        status.save()
        page = client.get(url("index")).content.decode()
        assert ">Statut renommé</option>" in page and "Statut de test" not in page
        status.delete()
        assert "Statut renommé" not in client.get(url("index")).content.decode()

    def test_checked_filters_stay_checked(self, client, adviser):
        dev = job("Développeur web")
        page = client.get(url("index"), {"current_jobs": [dev.pk]}).content.decode()
        assert f'name="current_jobs" value="{dev.pk}" id="id_current_jobs_' in page
        assert f'value="{dev.pk}" id="id_current_jobs_' in page and " checked> Développeur web" in page

    def test_the_dossier_form_follows_an_edit_of_a_job(self, client, adviser):
        dossier = in_org(adviser, 1, with_consent=True)[0]
        dev = job("Développeur web")
        dossier.current_jobs.add(dev)
        client.get(url("edit", dossier.pk))
        dev.name = "Développeuse ou développeur web"
        dev.save()
        page = client.get(url("edit", dossier.pk)).content.decode()
        assert "Développeuse ou développeur web" in page
        assert f'value="{dev.pk}" id="id_current_jobs_{dev.pk}" checked>' in page


@pytest.mark.django_db
class TestQueryBudgets:
    def _warm_count(self, client, params=None):
        client.get(url("index"), params or {})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("index"), params or {})
        assert response.status_code == 200
        return len(queries.captured_queries), response

    @pytest.mark.parametrize("filtered", [False, True])
    def test_adviser_search_within_15_whatever_the_number_of_dossiers(
        self, client, adviser, filtered, django_assert_max_num_queries
    ):
        params = {"name": "mar", "status": complete().pk, "cv": "yes"} if filtered else {}
        in_org(adviser, 3, with_cv=True, status=complete(), with_consent=True, last_name="Marchal")
        few, _response = self._warm_count(client, params)
        in_org(adviser, 60, with_cv=True, status=complete(), with_consent=True, last_name="Marchand")
        with django_assert_max_num_queries(15):
            response = client.get(url("index"), params)
        assert len(response.context["object_list"]) == 50  # a full page
        assert self._warm_count(client, params)[0] == few

    def test_pilot_list_across_organisations_within_15(self, client, pilot, django_assert_max_num_queries):
        for _ in range(3):
            CandidateFactory()
        few, _response = self._warm_count(client)
        for _ in range(55):
            CandidateFactory()
        with django_assert_max_num_queries(15):
            response = client.get(url("index"))
        assert len(response.context["object_list"]) == 50
        assert self._warm_count(client)[0] == few

    @pytest.mark.parametrize("with_consent", [False, True])
    def test_dossier_page_within_30(self, client, adviser, with_consent, django_assert_max_num_queries):
        dossier = in_org(adviser, 1, with_consent=with_consent, with_cv=True)[0]
        dossier.current_jobs.add(job())
        client.get(url("edit", dossier.pk))
        with django_assert_max_num_queries(30):
            response = client.get(url("edit", dossier.pk))
        assert response.status_code == 200
        # No second, client-side copy of the form (Wagtail's packed panels) in the page, no indentation.
        assert b"w-edit-handler-data" not in response.content
        assert b">\n        <" not in response.content

    def test_compacting_the_page_keeps_typed_text_intact(self, client, adviser):
        dossier = in_org(adviser, 1, situation_note="Ligne 1\n    ligne 2 <indentée>\n  fin")[0]
        page = client.get(url("edit", dossier.pk)).content.decode()
        assert "Ligne 1\n    ligne 2 &lt;indentée&gt;\n  fin</textarea>" in page

    def test_dossier_page_of_the_pilot_within_30(self, client, pilot, django_assert_max_num_queries):
        dossier = CandidateFactory(with_consent=True)
        client.get(url("edit", dossier.pk))
        with django_assert_max_num_queries(30):
            assert client.get(url("edit", dossier.pk)).status_code == 200


def test_status_model_is_a_cached_reference_list():
    from recruitment.choices import is_cached_model

    assert is_cached_model(DossierStatus)
    assert not is_cached_model(Candidate)
