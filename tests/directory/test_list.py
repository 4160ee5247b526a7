"""The public directory page: who is listed, filters, search, counts, pagination, queries."""

import re

import pytest

from portal.organisations.enums import CategoryCode
from portal.organisations.models import OrganisationCategory
from tests.directory.factories import (
    OrganisationFactory,
    activity,
    company_type,
    department,
    logo,
)

pytestmark = pytest.mark.django_db
URL = "/annuaire/"


def names(response):
    return [o.name for o in response.context["results"]]


class TestWhoIsListed:
    def test_only_accepted_members_are_listed(self, client):
        accepted = OrganisationFactory(name="Membre Accepté")
        OrganisationFactory(name="Candidature En Attente", pending=True)
        OrganisationFactory(name="Candidature Refusée", refused=True)
        OrganisationFactory(name="Membre Suspendu", suspended=True)
        response = client.get(URL)
        assert response.status_code == 200
        assert names(response) == [accepted.name]
        html = response.content.decode()
        for hidden in ("Candidature En Attente", "Candidature Refusée", "Membre Suspendu"):
            assert hidden not in html

    def test_pages_of_non_members_are_not_found(self, client):
        for trait in ("pending", "refused", "suspended"):
            org = OrganisationFactory(**{trait: True})
            assert client.get(f"{URL}{org.slug}/").status_code == 404

    def test_card_shows_name_category_city_summary(self, client):
        OrganisationFactory(
            name="Alpha Numérique", city="Colmar", presentation="<p>Nous <b>développons</b> des logiciels.</p>"
        )
        html = client.get(URL).content.decode()
        assert "Alpha Numérique" in html
        assert "Colmar" in html
        assert "Entreprise" in html
        assert "Nous développons des logiciels." in html


class TestFilters:
    @pytest.fixture
    def orgs(self):
        a = OrganisationFactory(name="Alpha", company_type=company_type(1))
        a.activities.set([activity(0)])
        a.establishment_departments.set([department("67")])
        a.intervention_departments.set([department("67"), department("68")])
        b = OrganisationFactory(name="Bravo", company_type=company_type(2))
        b.activities.set([activity(1)])
        b.establishment_departments.set([department("57")])
        b.intervention_departments.set([department("57")])
        body = OrganisationFactory(name="Syntec Test", professional_body=True)
        c = OrganisationFactory(name="Charlie", employment_partner=True, affiliation=body)
        c.establishment_departments.set([department("67")])
        return {"a": a, "b": b, "c": c, "body": body}

    @pytest.mark.parametrize(
        "query, expected",
        [
            ("categorie=company", ["Alpha", "Bravo"]),
            ("categorie=employment_partner", ["Charlie"]),
            ("categorie=company&categorie=employment_partner", ["Alpha", "Bravo", "Charlie"]),
            ("etablissement=67", ["Alpha", "Charlie"]),
            ("intervention=68", ["Alpha"]),
            ("etablissement=67&categorie=company", ["Alpha"]),
            ("etablissement=57&intervention=68", []),
        ],
    )
    def test_filter_by_code(self, client, orgs, query, expected):
        assert names(client.get(f"{URL}?{query}")) == expected

    def test_company_type(self, client, orgs):
        assert names(client.get(URL, {"type": company_type(2).pk})) == ["Bravo"]

    def test_activity(self, client, orgs):
        assert names(client.get(URL, {"activite": activity(0).pk})) == ["Alpha"]
        assert names(client.get(URL, {"activite": [activity(0).pk, activity(1).pk]})) == ["Alpha", "Bravo"]

    def test_affiliation(self, client, orgs):
        assert names(client.get(URL, {"affiliation": orgs["body"].slug})) == ["Charlie"]

    def test_all_filters_combine_with_and(self, client, orgs):
        query = {
            "categorie": "company",
            "type": company_type(1).pk,
            "activite": activity(0).pk,
            "etablissement": "67",
            "intervention": "68",
            "q": "alpha",
        }
        assert names(client.get(URL, query)) == ["Alpha"]
        assert names(client.get(URL, {**query, "type": company_type(2).pk})) == []

    def test_filters_are_in_the_url_and_kept_in_the_form(self, client, orgs):
        html = client.get(URL, {"categorie": "company", "q": "alp"}).content.decode()
        assert re.search(r'name="categorie" value="company"\s+checked', html)
        assert 'value="alp"' in html

    def test_counts_per_value_given_the_other_filters(self, client, orgs):
        facets = {name: options for name, _, options in client.get(URL, {"etablissement": "67"}).context["facets"]}
        categories = {value: count for value, _, count, _ in facets["categorie"]}
        # Among organisations established in 67: one company, one employment partner.
        assert categories == {"company": 1, "employment_partner": 1}
        # The département facet ignores its own filter: 67 has 2, 57 has 1.
        departments = {value: (count, checked) for value, _, count, checked in facets["etablissement"]}
        assert departments == {"67": (2, True), "57": (1, False)}

    def test_empty_result_says_so_and_offers_to_clear(self, client, orgs):
        html = client.get(URL, {"q": "introuvable"}).content.decode()
        assert "Aucun organisme ne correspond à votre recherche." in html
        assert f'href="{URL}">Effacer les filtres' in html

    def test_unknown_value_is_ignored(self, client, orgs):
        assert names(client.get(URL, {"categorie": "nimporte", "etablissement": "67"})) == ["Alpha", "Charlie"]


class TestSearch:
    def test_accent_and_case_insensitive(self, client):
        OrganisationFactory(name="Agence Numérique Élan", presentation="<p>Rien</p>")
        OrganisationFactory(name="Autre", presentation="<p>Spécialiste de la sécurité</p>")
        OrganisationFactory(name="Sans rapport", presentation="<p>Boulangerie</p>")
        assert names(client.get(URL, {"q": "numerique"})) == ["Agence Numérique Élan"]
        assert names(client.get(URL, {"q": "NUMÉRIQUE elan"})) == ["Agence Numérique Élan"]
        assert names(client.get(URL, {"q": "securite"})) == ["Autre"]

    def test_every_word_must_match(self, client):
        OrganisationFactory(name="Alpha Conseil")
        OrganisationFactory(name="Alpha Logiciel")
        assert names(client.get(URL, {"q": "alpha logiciel"})) == ["Alpha Logiciel"]


class TestPaginationAndQueries:
    def test_pagination_keeps_the_filters(self, client):
        for i in range(25):
            OrganisationFactory(name=f"Entreprise {i:02d}")
        response = client.get(URL, {"categorie": "company"})
        assert len(names(response)) == 20
        html = response.content.decode()
        assert "categorie=company&amp;page=2" in html
        assert len(names(client.get(URL, {"categorie": "company", "page": 2}))) == 5

    def _render(self, client, count, django_assert_max_num_queries, max_queries):
        filters = {"etablissement": "67", "q": "entreprise"}
        client.get(URL, filters)  # warm: the facets' option labels are cached after a change
        with django_assert_max_num_queries(max_queries) as captured:
            response = client.get(URL, filters)
        assert response.status_code == 200
        return len(captured.captured_queries)

    def test_query_count_does_not_grow_with_organisations(self, client, django_assert_max_num_queries):
        def create(n):
            for _ in range(n):
                org = OrganisationFactory(name=f"Entreprise {OrganisationFactory._meta.model.objects.count()}")
                org.establishment_departments.set([department("67")])
                org.activities.set([activity(0)])

        image = logo()
        create(10)
        OrganisationFactory._meta.model.objects.update(logo=image)
        client.get(URL)  # renditions are created once, then reused
        few = self._render(client, 10, django_assert_max_num_queries, 12)
        create(50)
        OrganisationFactory._meta.model.objects.update(logo=image)
        many = self._render(client, 60, django_assert_max_num_queries, 12)
        assert few == many

    def test_a_renamed_reference_value_shows_at_once(self, client):
        OrganisationFactory(employment_partner=True)
        client.get(URL)  # the facets' labels are now cached
        category = OrganisationCategory.objects.get(code=CategoryCode.EMPLOYMENT_PARTNER)
        category.name = "Partenaire de l'emploi"
        category.save()
        assert "Partenaire de l&#x27;emploi" in client.get(URL).content.decode()

    def test_unfiltered_list_within_the_query_budget(self, client, django_assert_max_num_queries):
        for _ in range(3):
            OrganisationFactory()
        client.get(URL)
        with django_assert_max_num_queries(12):
            assert client.get(URL).status_code == 200

    def test_category_labels_come_from_data(self, client):
        OrganisationFactory(employment_partner=True)
        html = client.get(URL).content.decode()
        assert CategoryCode.EMPLOYMENT_PARTNER.label in html


def test_sitemap_lists_member_pages_only(client):
    member = OrganisationFactory()
    pending = OrganisationFactory(pending=True)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/annuaire/{member.slug}/" in xml
    assert f"/annuaire/{pending.slug}/" not in xml
