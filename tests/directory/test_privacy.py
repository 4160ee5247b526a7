"""Nothing personal in the directory: pages, HTML and API; presentations are sanitised."""

import json

import pytest

from tests.directory.factories import OrganisationFactory, company_with_hr, department, logo

pytestmark = pytest.mark.django_db

PERSONAL = ["rh.personne@entreprise.test", "referent.personne@entreprise.test", "06 99 88 77 66", "01 23 45 67 89"]


@pytest.fixture
def company():
    org = company_with_hr(
        name="Société Privée",
        presentation='<p>Écrivez à <a href="mailto:jean.dupont@societe.test">jean.dupont@societe.test</a>'
        "<script>alert(1)</script><img src=x onerror=alert(2)></p>",
        logo=logo(),
    )
    org.hr_contact.mobile_phone = "06 99 88 77 66"
    org.hr_contact.save()
    org.referent.landline_phone = "01 23 45 67 89"
    org.referent.save()
    org.establishment_departments.set([department("67")])
    return org


def test_no_personal_data_in_pages(client, company):
    for path in ("/annuaire/", f"/annuaire/{company.slug}/"):
        html = client.get(path).content.decode()
        for value in [*PERSONAL, "jean.dupont@societe.test", "mailto:", company.hr_contact.last_name]:
            assert value not in html, (path, value)


def test_presentation_is_sanitised(client, company):
    html = client.get(f"/annuaire/{company.slug}/").content.decode()
    assert "<script>alert(1)" not in html
    assert "onerror" not in html
    assert "[adresse masquée]" in html


def test_no_personal_data_in_api(client, company):
    listing = client.get("/api/v2/annuaire/")
    detail = client.get(f"/api/v2/annuaire/{company.pk}/")
    assert listing.status_code == detail.status_code == 200
    for response in (listing, detail):
        text = json.dumps(response.json(), ensure_ascii=False)
        for value in [*PERSONAL, "jean.dupont@societe.test", "referent", "hr_contact", "<script"]:
            assert value not in text, value


def test_logo_is_resized(client, company):
    html = client.get("/annuaire/").content.decode()
    assert ".fill-160x160" in html
    detail = client.get(f"/api/v2/annuaire/{company.pk}/").json()
    assert detail["logo"]["width"] == 160 and detail["logo"]["height"] == 160
    assert detail["logo_large"]["width"] <= 300


def test_svg_is_not_an_accepted_image(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    OrganisationFactory()  # keeps the DB fixture honest
