"""The access log: every access to a dossier by someone outside its organisation (who, which dossier, what,
when, from which address), listed, filtered and exported for the administrators only."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from portal.accounts.roles import Role
from recruitment.access import record_access
from recruitment.models import AccessAction, DossierAccess
from tests.portal.factories import UserFactory
from tests.sar.factories import PoolCandidateFactory, company_with_recruiters

from .factories import CandidateFactory, partner_with_adviser
from .helpers import assert_refused

ACCESS_URL = "recruitment_access:index"
ADDRESS = "203.0.113.9"


@pytest.fixture
def pool_dossier():
    org, adviser = partner_with_adviser()
    return PoolCandidateFactory(organisation=org, organisation_contact=adviser, last_name="Vivier", with_cv=True)


def entries():
    return list(DossierAccess.objects.values_list("user_id", "candidate_id", "action", "address"))


@pytest.mark.django_db
class TestRecording:
    def test_company_recruiter_studying_a_pool_dossier_is_recorded(self, client, pool_dossier):
        company, (recruiter,) = company_with_recruiters(1)
        client.force_login(recruiter)
        assert client.get(reverse("sar_pool:study", args=[pool_dossier.pk]), REMOTE_ADDR=ADDRESS).status_code == 200
        document = pool_dossier.candidate_documents.get()
        url = reverse("sar_pool:document", args=[pool_dossier.pk, document.pk])
        assert client.get(url, REMOTE_ADDR=ADDRESS).status_code == 200
        assert entries() == [
            (recruiter.pk, pool_dossier.pk, AccessAction.DOCUMENT, ADDRESS),
            (recruiter.pk, pool_dossier.pk, AccessAction.VIEW, ADDRESS),
        ]
        access = DossierAccess.objects.last()
        assert access.user_organisation == company and access.candidate_organisation == pool_dossier.organisation

    def test_address_is_the_client_behind_the_trusted_proxy(self, client, settings, pool_dossier):
        settings.NEGE_TRUSTED_PROXIES = 1
        pilot = UserFactory(roles=[Role.SESSION_PILOT])
        client.force_login(pilot)
        client.get(
            reverse("recruitment_dossiers:edit", args=[pool_dossier.pk]),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.1, {ADDRESS}",
        )
        assert DossierAccess.objects.get().address == ADDRESS

    def test_commission_member_views_edit_history_documents_export_kinds(self, client, pool_dossier):
        pilot = UserFactory(roles=[Role.SESSION_PILOT])
        client.force_login(pilot)
        document = pool_dossier.candidate_documents.get()
        for url in (
            reverse("recruitment_dossiers:edit", args=[pool_dossier.pk]),
            reverse("recruitment_dossiers:history", args=[pool_dossier.pk]),
            reverse("recruitment:document", args=[pool_dossier.pk, "candidat", document.pk]),
            reverse("commission:dossier", args=[pool_dossier.pk]),
        ):
            assert client.get(url).status_code == 200, url
        actions = sorted(DossierAccess.objects.filter(user=pilot).values_list("action", flat=True))
        assert actions == sorted([AccessAction.VIEW, AccessAction.HISTORY, AccessAction.DOCUMENT, AccessAction.VIEW])

    def test_an_adviser_of_the_dossier_organisation_is_not_recorded(self, client, pool_dossier):
        client.force_login(pool_dossier.organisation_contact)
        document = pool_dossier.candidate_documents.get()
        for url in (
            reverse("recruitment_dossiers:edit", args=[pool_dossier.pk]),
            reverse("recruitment_dossiers:history", args=[pool_dossier.pk]),
            reverse("recruitment:document", args=[pool_dossier.pk, "candidat", document.pk]),
            reverse("recruitment:personal_data", args=[pool_dossier.pk]),
        ):
            assert client.get(url).status_code == 200, url
        assert not DossierAccess.objects.exists()

    def test_recording_is_one_insert(self, django_assert_num_queries):
        candidate = CandidateFactory()
        request = RequestFactory().get("/x/")
        request.user, request.client_address = UserFactory(roles=[Role.SESSION_PILOT]), ADDRESS
        with django_assert_num_queries(1):
            record_access(request, candidate, AccessAction.VIEW)


@pytest.fixture
def log_rows():
    """Accesses by two outsiders of two organisations to two dossiers, on two days."""
    org_a, adviser_a = partner_with_adviser()
    org_b, adviser_b = partner_with_adviser()
    dossier_a = CandidateFactory(organisation=org_a, organisation_contact=adviser_a, last_name="Alpha")
    dossier_b = CandidateFactory(organisation=org_b, organisation_contact=adviser_b, last_name="Beta")
    company, (recruiter,) = company_with_recruiters(1)
    pilot = UserFactory(roles=[Role.SESSION_PILOT], last_name="PILOTE")
    old = timezone.make_aware(datetime.datetime(2026, 1, 10, 9, 0))
    recent = timezone.make_aware(datetime.datetime(2026, 6, 10, 9, 0))
    for user, dossier, at in ((recruiter, dossier_a, old), (pilot, dossier_b, recent), (pilot, dossier_a, recent)):
        DossierAccess.objects.create(
            at=at,
            user=user,
            user_organisation=user.organisation,
            candidate=dossier,
            candidate_organisation=dossier.organisation,
            action=AccessAction.VIEW,
            address=ADDRESS,
        )
    return {"recruiter": recruiter, "pilot": pilot, "a": dossier_a, "b": dossier_b, "company": company}


def listed(response):
    assert response.status_code == 200
    return {(row.user_id, row.candidate_id) for row in response.context["object_list"]}


@pytest.mark.django_db
class TestScreen:
    @pytest.fixture
    def admin(self, client):
        user = UserFactory(roles=[Role.ADMINISTRATOR])
        client.force_login(user)
        return user

    def test_lists_and_filters(self, client, admin, log_rows):
        url = reverse(ACCESS_URL)
        recruiter, pilot, a, b = log_rows["recruiter"], log_rows["pilot"], log_rows["a"], log_rows["b"]
        assert listed(client.get(url)) == {(recruiter.pk, a.pk), (pilot.pk, b.pk), (pilot.pk, a.pk)}
        assert listed(client.get(url, {"user": pilot.pk})) == {(pilot.pk, b.pk), (pilot.pk, a.pk)}
        assert listed(client.get(url, {"candidate": a.pk})) == {(recruiter.pk, a.pk), (pilot.pk, a.pk)}
        assert listed(client.get(url, {"date_from": "2026-06-01", "date_to": "2026-06-30"})) == {
            (pilot.pk, b.pk),
            (pilot.pk, a.pk),
        }
        assert listed(client.get(url, {"user_organisation": log_rows["company"].pk})) == {(recruiter.pk, a.pk)}
        assert listed(client.get(url, {"candidate_organisation": b.organisation_id})) == {(pilot.pk, b.pk)}
        html = client.get(url).content.decode()
        assert ADDRESS in html and "PILOTE" in html

    def test_csv_export_for_a_french_spreadsheet(self, client, admin, log_rows):
        response = client.get(reverse(ACCESS_URL), {"export": "csv", "user": log_rows["pilot"].pk})
        body = b"".join(response.streaming_content).decode("utf-8")
        assert body.startswith("\ufeff")
        lines = body.strip().splitlines()
        assert len(lines) == 3 and ";" in lines[0] and "Date et heure" in lines[0]
        assert "10/06/2026 09:00" in body and ADDRESS in body and "Consultation du dossier" in body

    def test_listing_in_constant_queries(
        self, client, admin, log_rows, django_assert_num_queries, django_assert_max_num_queries
    ):
        url = reverse(ACCESS_URL)
        client.get(url)  # warm the caches (content types, site)
        with django_assert_max_num_queries(30) as few:
            client.get(url)
        dossier = log_rows["a"]
        for _ in range(20):
            DossierAccess.objects.create(
                user=UserFactory(roles=[Role.SESSION_PILOT]), candidate=dossier, action=AccessAction.HISTORY
            )
        with django_assert_num_queries(len(few.captured_queries)):
            client.get(url)

    @pytest.mark.parametrize("role", [Role.EMPLOYMENT_ADVISER, Role.SESSION_PILOT, Role.COMPANY_RECRUITER])
    def test_others_may_not_open_it(self, client, role, log_rows):
        organisation = log_rows["company"] if role == Role.COMPANY_RECRUITER else log_rows["a"].organisation
        client.force_login(UserFactory(roles=[role], organisation=organisation))
        assert_refused(client.get(reverse(ACCESS_URL)))
        assert_refused(client.get(reverse(ACCESS_URL), {"export": "csv"}))
