"""Demo seed, anonymisation and the inactivity flag."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.accounts.roles import Role
from recruitment import demo
from recruitment.models import Candidate, CandidateDocument, ConsentTerms, ContactPoint, DossierLogEntry
from tests.portal.factories import UserFactory

from .factories import CandidateFactory, area, channel, constitution, job, partner_with_adviser, situation
from .helpers import dossier_data, url


@pytest.mark.django_db
class TestDemoSeed:
    def test_dossiers_spread_over_partners_a_and_b_and_idempotent(self):
        constitution(), situation(), channel(), job()
        org_a, referent_a = partner_with_adviser()
        org_b, referent_b = partner_with_adviser()
        referent_a.username, referent_b.username = "referent.a", "referent.b"
        referent_a.save()
        referent_b.save()
        out = io.StringIO()
        demo.seed(out, candidates=12)
        assert Candidate.objects.filter(organisation=org_a).count() == 6
        assert Candidate.objects.filter(organisation=org_b).count() == 6
        assert ConsentTerms.objects.exists()
        assert ContactPoint.objects.get(organisation=org_a, employment_area=area()).user == referent_a
        assert CandidateDocument.objects.exists()
        assert all(c.identity_key for c in Candidate.objects.all())
        # Consents are bulk-created: the flag the pool reads must still follow them.
        assert set(Candidate.objects.filter(has_consent=True)) == set(Candidate.objects.filter(consent__isnull=False))
        assert Candidate.objects.filter(has_consent=True).exists()
        demo.seed(out, candidates=12)
        assert Candidate.objects.count() == 12

    def test_without_demo_users_nothing_is_created(self):
        demo.seed(io.StringIO(), candidates=5)
        assert not Candidate.objects.exists()


@pytest.mark.django_db
class TestAnonymisation:
    def test_administrator_erases_personal_data_and_keeps_statistics(self, client):
        candidate = CandidateFactory(
            last_name="Secret", first_name="Anne", phone="0600000001", with_consent=True, with_cv=True
        )
        adviser = candidate.organisation_contact
        adviser.groups.add(Group.objects.get(name=Role.EMPLOYMENT_ADVISER))
        client.force_login(adviser)
        data = dossier_data(adviser, last_name="Secrets", first_name="Anne", city=candidate.city)
        assert client.post(url("edit", candidate.pk), data).status_code == 302
        entries = DossierLogEntry.objects.for_instance(candidate)
        assert "SECRET" in str(list(entries.filter(action="recruitment.change").values_list("data", flat=True)))
        admin = UserFactory(roles=[Role.ADMINISTRATOR])
        client.force_login(admin)
        assert client.get(reverse("recruitment:anonymise", args=[candidate.pk])).status_code == 200
        response = client.post(reverse("recruitment:anonymise", args=[candidate.pk]))
        assert response.status_code == 302
        candidate.refresh_from_db()
        assert candidate.last_name == "ANONYME" and candidate.phone == "" and candidate.anonymised_at
        assert candidate.status is not None and candidate.employment_area is not None
        assert not candidate.candidate_documents.exists()
        assert not candidate.consent.file
        assert DossierLogEntry.objects.for_instance(candidate).filter(action="recruitment.anonymise").exists()
        assert "SECRET" not in str(list(DossierLogEntry.objects.for_instance(candidate).values_list("data", flat=True)))

    def test_adviser_cannot_anonymise(self, client):
        _org, adviser = partner_with_adviser()
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser)
        client.force_login(adviser)
        assert client.post(reverse("recruitment:anonymise", args=[candidate.pk])).status_code == 403

    def test_adviser_exports_own_candidate_data(self, client):
        _org, adviser = partner_with_adviser()
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, with_cv=True)
        client.force_login(adviser)
        response = client.get(reverse("recruitment:personal_data", args=[candidate.pk]))
        assert response.status_code == 200
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            data = json.loads(archive.read("donnees.json"))
            assert data["Identification"]["Nom"] == candidate.last_name
            assert any(name.startswith("documents/") for name in archive.namelist())


@pytest.mark.django_db
class TestInactivityReview:
    def test_inactive_two_years_flagged_and_filterable(self, client):
        _org, adviser = partner_with_adviser()
        old = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, last_name="Ancien")
        CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, last_name="Recent")
        Candidate.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=800))
        old.refresh_from_db()
        assert old.needs_review
        client.force_login(adviser)
        response = client.get(url("index"), {"needs_review": "yes"})
        assert [c.last_name for c in response.context["object_list"]] == ["ANCIEN"]
        assert "inactif depuis plus de 2 ans" in client.get(url("edit", old.pk)).content.decode()
