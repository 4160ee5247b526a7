"""Scoping on the server: a partner's adviser never reaches another partner's dossiers, on any route."""

import io
import zipfile

import pytest
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.models import DossierAccess
from tests.portal.factories import OrganisationFactory, UserFactory

from .factories import CandidateFactory, partner_with_adviser
from .helpers import dossier_data, url


@pytest.fixture
def dossier_of_a():
    org_a, adviser_a = partner_with_adviser()
    candidate = CandidateFactory(
        organisation=org_a,
        organisation_contact=adviser_a,
        last_name="Zorglub",
        first_name="Alice",
        city="Haguenau",
        with_consent=True,
        with_cv=True,
    )
    return candidate


def object_routes(candidate):
    doc = candidate.candidate_documents.get()
    return [
        url("edit", candidate.pk),
        url("history", candidate.pk),
        url("history_results", candidate.pk),
        url("usage", candidate.pk),
        url("delete", candidate.pk),
        reverse("recruitment:document", args=[candidate.pk, "candidat", doc.pk]),
        reverse("recruitment:consent_proof", args=[candidate.pk]),
        reverse("recruitment:personal_data", args=[candidate.pk]),
        reverse("recruitment:anonymise", args=[candidate.pk]),
    ]


@pytest.mark.django_db
class TestAdviserOfAnotherPartner:
    @pytest.fixture
    def adviser_b(self, client):
        _org_b, adviser = partner_with_adviser()
        client.force_login(adviser)
        return adviser

    def test_every_object_route_answers_404(self, client, adviser_b, dossier_of_a):
        for route in object_routes(dossier_of_a):
            assert client.get(route).status_code == 404, route
        assert client.post(url("edit", dossier_of_a.pk), dossier_data(adviser_b)).status_code == 404
        assert client.post(url("delete", dossier_of_a.pk)).status_code == 404

    def test_search_and_exports_do_not_list_it(self, client, adviser_b, dossier_of_a):
        own = CandidateFactory(organisation=adviser_b.organisation, organisation_contact=adviser_b, last_name="Bmine")
        listing = client.get(url("index")).content.decode()
        assert "ZORGLUB" not in listing and "BMINE" in listing
        assert "ZORGLUB" not in client.get(url("index"), {"name": "zorg"}).content.decode()
        for export in ("csv", "xlsx"):
            response = client.get(url("index"), {"export": export})
            assert response.status_code == 200
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if export == "csv":
                assert b"ZORGLUB" not in body and own.last_name.encode() in body

    def test_autocompletes_do_not_reveal_it(self, client, adviser_b, dossier_of_a):
        assert client.get(reverse("recruitment:candidate_names"), {"q": "zorg"}).json() == {"results": []}
        response = client.get(reverse("recruitment:organisation_users"), {"organisation": dossier_of_a.organisation_id})
        assert response.status_code == 404

    def test_own_dossier_is_reachable(self, client, adviser_b):
        own = CandidateFactory(organisation=adviser_b.organisation, organisation_contact=adviser_b, with_cv=True)
        assert client.get(url("edit", own.pk)).status_code == 200
        assert client.get(url("history", own.pk)).status_code == 200
        doc = own.candidate_documents.get()
        assert client.get(reverse("recruitment:document", args=[own.pk, "candidat", doc.pk])).status_code == 200
        assert client.get(reverse("recruitment:candidate_names"), {"q": own.last_name[:3]}).json()["results"]


@pytest.mark.django_db
class TestCommissionMember:
    @pytest.mark.parametrize("role", [Role.SESSION_PILOT, Role.ADVISORY_RECRUITER, Role.TRAINING_COMMISSION])
    def test_sees_every_dossier_and_access_is_logged(self, client, dossier_of_a, role):
        member = UserFactory(roles=[role])
        client.force_login(member)
        assert "ZORGLUB" in client.get(url("index")).content.decode()
        assert client.get(url("edit", dossier_of_a.pk)).status_code == 200
        assert DossierAccess.objects.get(candidate=dossier_of_a).user == member

    def test_cannot_anonymise_nor_export(self, client, dossier_of_a):
        client.force_login(UserFactory(roles=[Role.SESSION_PILOT]))
        assert client.get(reverse("recruitment:anonymise", args=[dossier_of_a.pk])).status_code == 403
        assert client.get(reverse("recruitment:personal_data", args=[dossier_of_a.pk])).status_code == 403


@pytest.mark.django_db
class TestCompanyRecruiter:
    def test_sees_no_dossier(self, client, dossier_of_a):
        recruiter = UserFactory(roles=[Role.COMPANY_RECRUITER], organisation=OrganisationFactory(company=True))
        client.force_login(recruiter)
        assert client.get(url("index")).status_code in (302, 403)
        for route in object_routes(dossier_of_a):
            assert client.get(route).status_code in (302, 403, 404), route
        assert client.get(reverse("recruitment:candidate_names"), {"q": "zorg"}).status_code == 403


@pytest.mark.django_db
class TestAnonymous:
    def test_documents_never_reachable(self, client, dossier_of_a):
        for route in object_routes(dossier_of_a):
            response = client.get(route)
            assert response.status_code == 302 and "/login/" in response.url, route

    def test_file_is_not_under_a_public_url(self, client, dossier_of_a, settings):
        doc = dossier_of_a.candidate_documents.get()
        assert client.get(f"{settings.MEDIA_URL}{doc.file.name}").status_code == 404


@pytest.mark.django_db
class TestAdministrator:
    def test_sees_all_and_may_export_personal_data(self, client, dossier_of_a):
        admin = UserFactory(roles=[Role.ADMINISTRATOR])
        client.force_login(admin)
        assert "ZORGLUB" in client.get(url("index")).content.decode()
        response = client.get(reverse("recruitment:personal_data", args=[dossier_of_a.pk]))
        assert response.status_code == 200
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            assert "ZORGLUB" in archive.read("synthese.html").decode()
        assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
class TestHistoryScoping:
    def test_site_history_and_usage_do_not_reveal_other_partners_dossiers(self, client, dossier_of_a):
        org_a_adviser = dossier_of_a.organisation_contact
        client.force_login(org_a_adviser)
        assert client.get(url("edit", dossier_of_a.pk)).status_code == 200
        from wagtail.log_actions import log

        log(dossier_of_a, "recruitment.change", user=org_a_adviser, data={"changes": []})
        _org_b, adviser_b = partner_with_adviser()
        client.force_login(adviser_b)
        # The site history lists every object's log entries: administrators only (portal/accounts/choosers.py).
        assert client.get("/extranet/reports/site-history/").status_code == 403
        assert client.get(url("usage", dossier_of_a.pk)).status_code == 404
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
        assert "ZORGLUB" in client.get("/extranet/reports/site-history/").content.decode()
