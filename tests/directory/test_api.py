"""`/api/v2/annuaire/`: accepted members only, public fields, the page's filters."""

import pytest

from tests.directory.factories import OrganisationFactory, activity, department

pytestmark = pytest.mark.django_db
API = "/api/v2/annuaire/"


def names(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


@pytest.fixture
def orgs():
    a = OrganisationFactory(name="Alpha Numérique")
    a.establishment_departments.set([department("67")])
    a.activities.set([activity(0)])
    b = OrganisationFactory(name="Bravo", employment_partner=True)
    b.establishment_departments.set([department("57")])
    OrganisationFactory(name="En attente", pending=True)
    OrganisationFactory(name="Suspendue", suspended=True)
    return a, b


def test_lists_accepted_members_only(client, orgs):
    response = client.get(API)
    assert names(response) == ["Alpha Numérique", "Bravo"]
    assert response.json()["meta"]["total_count"] == 2


def test_same_filters_as_the_page(client, orgs):
    assert names(client.get(API, {"categorie": "company"})) == ["Alpha Numérique"]
    assert names(client.get(API, {"etablissement": "57"})) == ["Bravo"]
    assert names(client.get(API, {"q": "numerique"})) == ["Alpha Numérique"]
    assert names(client.get(API, {"activite": activity(0).pk, "categorie": "employment_partner"})) == []


def test_detail_and_find_by_slug(client, orgs):
    a, _ = orgs
    detail = client.get(f"{API}{a.pk}/").json()
    assert detail["name"] == "Alpha Numérique"
    assert detail["establishment_departments"] == [{"code": "67", "name": department("67").name}]
    assert detail["meta"]["html_url"].endswith(f"/annuaire/{a.slug}/")
    found = client.get(f"{API}find/", {"slug": a.slug})
    assert found.status_code == 200
    assert found.json()["id"] == a.pk
    assert client.get(f"{API}find/", {"slug": "inconnu"}).status_code == 404


def test_non_members_are_not_found(client, orgs):
    pending = OrganisationFactory(pending=True)
    assert client.get(f"{API}{pending.pk}/").status_code == 404


def test_bad_parameters_are_refused(client, orgs):
    assert client.get(API, {"referent": "1"}).status_code == 400
    assert client.get(API, {"categorie": "inconnue"}).status_code == 400


def test_query_count_is_constant(client, django_assert_max_num_queries):
    for _ in range(30):
        OrganisationFactory()
    with django_assert_max_num_queries(6):
        assert len(names(client.get(API, {"limit": 30}))) == 30
