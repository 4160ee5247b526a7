"""Search of dossiers: every basic and advanced filter, their AND combination, sorting, export, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recruitment.enums import Classification, ProfessionalObjective

from .factories import (
    CandidateFactory,
    area,
    complete,
    job,
    partner_with_adviser,
    situation,
    temporary_situation,
)
from .helpers import url


def listed(client, **params):
    response = client.get(url("index"), params)
    assert response.status_code == 200
    return {c.last_name for c in response.context["object_list"]}


@pytest.mark.django_db
class TestAdviserSearch:
    @pytest.fixture
    def adviser(self, client):
        _org, user = partner_with_adviser()
        client.force_login(user)
        return user

    def make(self, adviser, **kwargs):
        return CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, **kwargs)

    def test_default_lists_the_organisation_dossiers(self, client, adviser):
        self.make(adviser, last_name="Mine")
        CandidateFactory(last_name="Other")
        assert listed(client) == {"MINE"}

    def test_employment_area(self, client, adviser):
        self.make(adviser, last_name="Bas", employment_area=area("Alsace / Bas-Rhin"))
        self.make(adviser, last_name="Haut", employment_area=area("Alsace / Haut-Rhin"))
        assert listed(client, employment_area=area("Alsace / Haut-Rhin").pk) == {"HAUT"}

    def test_partial_name(self, client, adviser):
        self.make(adviser, last_name="Dupontel")
        self.make(adviser, last_name="Martin")
        assert listed(client, name="pont") == {"DUPONTEL"}

    def test_status_and_situation(self, client, adviser):
        self.make(adviser, last_name="Complet", status=complete(), with_consent=True)
        self.make(adviser, last_name="Indispo", situation=temporary_situation())
        assert listed(client, status=complete().pk) == {"COMPLET"}
        assert listed(client, situation=temporary_situation().pk) == {"INDISPO"}
        assert listed(client, situation=situation().pk) == {"COMPLET"}

    def test_classification(self, client, adviser):
        self.make(adviser, last_name="Emp", classification=Classification.EMPLOYABLE)
        self.make(adviser, last_name="None")
        assert listed(client, classification=Classification.EMPLOYABLE) == {"EMP"}

    def test_channel(self, client, adviser):
        from recruitment.models import ApplicationChannel

        other = ApplicationChannel.objects.create(code="test-canal", name="Canal de test")
        self.make(adviser, last_name="Canal", channel=other)
        self.make(adviser, last_name="Std")
        assert listed(client, channel=other.pk) == {"CANAL"}

    def test_presence_of_identifier_consent_and_cv(self, client, adviser):
        self.make(adviser, last_name="Ident", with_identifier=True)
        self.make(adviser, last_name="Consent", with_consent=True)
        self.make(adviser, last_name="Cv", with_cv=True)
        assert listed(client, france_travail_id="yes") == {"IDENT"}
        assert listed(client, france_travail_id="no") == {"CONSENT", "CV"}
        assert listed(client, consent="yes") == {"CONSENT"}
        assert listed(client, consent="no") == {"IDENT", "CV"}
        assert listed(client, cv="yes") == {"CV"}
        assert listed(client, cv="no") == {"IDENT", "CONSENT"}

    def test_rsa_with_and_without_caf(self, client, adviser):
        self.make(adviser, last_name="Caf", rsa_with_caf=True)
        no_caf = self.make(adviser, last_name="Nocaf")
        type(no_caf).objects.filter(pk=no_caf.pk).update(is_rsa_beneficiary=True)
        self.make(adviser, last_name="Norsa")
        assert listed(client, rsa="with_caf") == {"CAF"}
        assert listed(client, rsa="without_caf") == {"NOCAF"}
        assert listed(client, rsa="not_rsa") == {"NORSA"}

    def test_current_and_wished_jobs_and_objective(self, client, adviser):
        dev, admin = job("Développeur web"), job("Administrateur systèmes", family="Infrastructure")
        a = self.make(adviser, last_name="Adev", objective=ProfessionalObjective.RETRAIN)
        a.current_jobs.add(admin)
        a.wished_jobs.add(dev)
        b = self.make(adviser, last_name="Bdev")
        b.current_jobs.add(dev)
        assert listed(client, current_jobs=[dev.pk]) == {"BDEV"}
        assert listed(client, current_jobs=[dev.pk, admin.pk]) == {"ADEV", "BDEV"}
        assert listed(client, wished_jobs=[dev.pk]) == {"ADEV"}
        assert listed(client, objective=ProfessionalObjective.RETRAIN) == {"ADEV"}

    def test_filters_combine_with_and(self, client, adviser):
        haut_rhin = area("Alsace / Haut-Rhin")
        self.make(adviser, last_name="Both", with_cv=True, with_consent=True, employment_area=haut_rhin)
        self.make(adviser, last_name="Cvonly", with_cv=True, employment_area=haut_rhin)
        self.make(adviser, last_name="Elsewhere", with_cv=True, with_consent=True)
        params = {"cv": "yes", "consent": "yes", "employment_area": area("Alsace / Haut-Rhin").pk}
        assert listed(client, **params) == {"BOTH"}
        assert listed(client, **params, name="zzz") == set()

    def test_sortable_columns_and_rows_open_the_dossier(self, client, adviser):
        a = self.make(adviser, last_name="Alpha", city="Colmar")
        self.make(adviser, last_name="Beta", city="Agen")
        response = client.get(url("index"), {"ordering": "-last_name"})
        assert [c.last_name for c in response.context["object_list"]] == ["BETA", "ALPHA"]
        response = client.get(url("index"), {"ordering": "city"})
        assert [c.last_name for c in response.context["object_list"]] == ["BETA", "ALPHA"]
        assert url("edit", a.pk) in response.content.decode()

    def test_export_csv_and_xlsx(self, client, adviser):
        self.make(adviser, last_name="Exporte", with_cv=True)
        csv = client.get(url("index"), {"export": "csv", "cv": "yes"})
        body = b"".join(csv.streaming_content).decode()
        assert "EXPORTE" in body and "Consentement recueilli" in body
        xlsx = client.get(url("index"), {"export": "xlsx"})
        assert xlsx.status_code == 200
        assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")

    def test_query_count_independent_of_page_size(self, client, adviser, django_assert_num_queries):
        for _ in range(3):
            self.make(adviser, with_consent=True, with_cv=True)
        client.get(url("index"))  # warm: the reference lists of the filters come from the cache afterwards
        with CaptureQueriesContext(connection) as small:
            client.get(url("index"))
        for _ in range(25):
            self.make(adviser, with_consent=True)
        with django_assert_num_queries(len(small.captured_queries)):
            response = client.get(url("index"), {"cv": "no", "consent": "yes"})
        assert len(response.context["object_list"]) == 25


@pytest.mark.django_db
class TestCommissionFilters:
    """Session and PIADC state filters (models of recruitment.commission)."""

    def test_session_and_piadc_state(self, client):
        from portal.accounts.roles import Role
        from portal.organisations.models import Territory
        from recruitment.commission.enums import PlanState
        from recruitment.commission.models import Analysis, Session, TrainingPlan
        from tests.portal.factories import UserFactory

        _org, adviser = partner_with_adviser()
        client.force_login(adviser)
        seen = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, last_name="Vu")
        planned = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, last_name="Plan")
        pilot = UserFactory(roles=[Role.SESSION_PILOT])
        session = Session.objects.create(
            date="2026-03-01", place="Metz", territory=Territory.objects.first(), pilot=pilot
        )
        other = Session.objects.create(
            date="2026-04-01", place="Nancy", territory=Territory.objects.first(), pilot=pilot
        )
        Analysis.objects.create(session=session, candidate=seen)
        TrainingPlan.objects.create(candidate=planned)
        assert listed(client, session=session.pk) == {"VU"}
        assert listed(client, session=other.pk) == set()
        state = TrainingPlan.objects.get().state
        assert listed(client, piadc=state) == {"PLAN"}
        assert listed(client, piadc=PlanState.ABANDONED if state != PlanState.ABANDONED else PlanState.DONE) == set()
