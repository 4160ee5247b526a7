"""Texts of the recruitment support screens: the overdue lock said once with named links, the empty
pool told apart from a search without match, the "Etudier" header readable."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from recruitment.sar import rules
from recruitment.sar.enums import OVERDUE_LOCK_MESSAGE
from tests.recruitment.factories import area
from tests.sar.conftest import login
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory

pytestmark = pytest.mark.django_db

EMPTY_POOL = "Le vivier ne contient aucun candidat disponible"
NO_MATCH = "Aucun candidat ne correspond à vos critères."


class TestOverdueLock:
    def test_the_message_is_shown_once_and_each_profile_link_names_the_candidate(self, client, recruiter, pool_url):
        sheet = FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, overdue=True)
        html = login(client, recruiter).get(pool_url).content.decode()
        assert html.count(escape(OVERDUE_LOCK_MESSAGE)) == 1
        candidate = sheet.candidate
        assert f"Profil de {candidate.last_name} {escape(candidate.first_name)}</a>" in html
        assert ">Lien<" not in html


class TestEmptyPool:
    def test_without_criteria_the_pool_is_said_to_be_empty(self, client, recruiter, pool_url):
        html = login(client, recruiter).get(pool_url).content.decode()
        assert EMPTY_POOL in html and NO_MATCH not in html

    def test_with_criteria_nothing_matches(self, client, recruiter, pool_url):
        PoolCandidateFactory(employment_area=area("Alsace / Bas-Rhin"))
        html = (
            login(client, recruiter)
            .get(pool_url, {"employment_area": [area("Lorraine / Moselle").pk]})
            .content.decode()
        )
        assert NO_MATCH in html and EMPTY_POOL not in html


class TestStudyHeader:
    def test_words_are_separated(self):
        title = rules.study_title("Madame", "CHAMPION", "Jacqueline", "Champagne-Ardenne / Marne", "Reims")
        assert title == "Madame CHAMPION (Jacqueline) – Champagne-Ardenne / Marne / Reims"

    def test_the_study_page_shows_it(self, client, recruiter):
        candidate = PoolCandidateFactory(first_name="Jacqueline", last_name="CHAMPION", city="Reims")
        html = login(client, recruiter).get(reverse("sar_pool:study", args=[candidate.pk])).content.decode()
        assert f"CHAMPION (Jacqueline) – {escape(str(candidate.employment_area))} / Reims" in html
        assert "(Jacqueline)-" not in html


class TestPoolFilters:
    def test_every_multi_value_filter_shows_its_options(self, client, recruiter, pool_url):
        response = login(client, recruiter).get(pool_url)
        html = response.content.decode()
        assert "<details" not in html.split('class="sar-filters"')[1].split("</form>")[0]
        multi = [item for item in response.context["filter_fields"] if item["options"] is not None]
        assert len(multi) >= 8
        for item in multi:
            assert item["options"], item["bound"].label
        assert html.count('<fieldset class="sar-filter sar-filter--multi">') == len(multi)

    def test_selected_values_are_counted(self, client, recruiter, pool_url):
        bas_rhin, moselle = area("Alsace / Bas-Rhin"), area("Lorraine / Moselle")
        html = login(client, recruiter).get(pool_url, {"employment_area": [bas_rhin.pk, moselle.pk]}).content.decode()
        assert "(2 sélectionnés)" in html

    def test_dates_are_typed_and_shown_the_french_way(self, client, recruiter, pool_url):
        PoolCandidateFactory()
        client_ = login(client, recruiter)
        html = client_.get(pool_url, {"classified_from": "01/05/2026"}).content.decode()
        assert 'placeholder="jj/mm/aaaa"' in html
        assert 'value="01/05/2026"' in html
        assert 'type="date"' not in html
        # ISO dates (links, bookmarks) still work.
        assert client_.get(pool_url, {"classified_from": "2026-05-01"}).context["filterset"].is_valid()
