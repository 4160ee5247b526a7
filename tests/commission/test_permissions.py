"""Who reaches which commission route: one class per profile, all checks on the server."""

import pytest
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.commission.models import Analysis
from tests.portal.factories import OrganisationFactory, UserFactory
from tests.recruitment.factories import partner_with_adviser

from .factories import AnalysisFactory, SessionFactory, TrainingPlanFactory, eligible_candidate, pilot, recruiter
from .helpers import FULL_OPINIONS, analysis_data, assert_denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    organisation, adviser = partner_with_adviser()
    the_recruiter = recruiter()
    session = SessionFactory(partners=[organisation], recruiters=[the_recruiter])
    candidate = eligible_candidate(organisation=organisation, organisation_contact=adviser)
    analysis = AnalysisFactory(session=session, candidate=candidate, completed=True, details=True)
    plan = TrainingPlanFactory(candidate=candidate)
    return {
        "organisation": organisation,
        "adviser": adviser,
        "recruiter": the_recruiter,
        "session": session,
        "analysis": analysis,
        "candidate": candidate,
        "plan": plan,
    }


def every_route(w):
    s, a, c, p = w["session"].pk, w["analysis"].pk, w["candidate"].pk, w["plan"].pk
    return [
        reverse("commission_sessions:index"),
        reverse("commission_sessions:add"),
        reverse("commission_sessions:edit", args=[s]),
        reverse("commission_sessions:delete", args=[s]),
        reverse("commission_sessions:history", args=[s]),
        reverse("commission:session", args=[s]),
        reverse("commission:debriefing", args=[s]),
        reverse("commission:publish", args=[s]),
        reverse("commission:analysis", args=[a]),
        reverse("commission:classify", args=[a]),
        reverse("commission:dossier", args=[c]),
        reverse("commission:dossiers"),
        reverse("commission:statistics"),
        reverse("commission:statistics") + "?format=csv",
        reverse("commission_plans:index"),
        reverse("commission_plans:add"),
        reverse("commission_plans:edit", args=[p]),
        reverse("commission_plans:delete", args=[p]),
    ]


class TestCompanyRecruiter:
    def test_no_commission_route_is_reachable(self, client, world):
        company = OrganisationFactory(company=True)
        client.force_login(UserFactory(roles=[Role.COMPANY_RECRUITER], organisation=company))
        for route in every_route(world):
            assert_denied(client.get(route))
        assert_denied(client.post(reverse("commission:analysis", args=[world["analysis"].pk]), analysis_data()))
        assert_denied(client.post(reverse("commission:session", args=[world["session"].pk]), {}))


class TestAnonymous:
    def test_everything_asks_for_login(self, client, world):
        for route in every_route(world):
            response = client.get(route)
            assert response.status_code == 302 and "/extranet/login/" in response["Location"], route


class TestEmploymentAdviser:
    def test_cannot_edit_analyses_nor_sessions(self, client, world):
        client.force_login(world["adviser"])
        analysis = world["analysis"]
        assert_denied(client.get(reverse("commission:analysis", args=[analysis.pk])))
        assert_denied(
            client.post(reverse("commission:analysis", args=[analysis.pk]), analysis_data(competence_opinion="1"))
        )
        assert Analysis.objects.get(pk=analysis.pk).competence_opinion == 4
        for name in ("commission:session", "commission:debriefing", "commission:publish"):
            assert_denied(client.get(reverse(name, args=[world["session"].pk])))
        assert_denied(client.get(reverse("commission:classify", args=[analysis.pk])))
        assert_denied(client.get(reverse("commission_plans:edit", args=[world["plan"].pk])))

    def test_reads_the_opinion_and_the_piadc_of_own_dossiers(self, client, world):
        client.force_login(world["adviser"])
        body = client.get(reverse("commission:dossier", args=[world["candidate"].pk])).content.decode()
        assert "Avis sur l'employabilité du candidat" in body
        assert str(world["session"]) in body.replace("&#x27;", "'")
        assert "Plan Individuel d&#x27;Adaptation" in body or "Plan Individuel d'Adaptation" in body
        assert "NOTE INTERNE" in body  # advisers see the internal notes; companies never do
        listing = client.get(reverse("commission_plans:index")).content.decode()
        assert world["candidate"].last_name in listing

    def test_other_partners_dossiers_answer_404(self, client, world):
        _org, other_adviser = partner_with_adviser()
        client.force_login(other_adviser)
        assert client.get(reverse("commission:dossier", args=[world["candidate"].pk])).status_code == 404
        assert world["candidate"].last_name not in client.get(reverse("commission_plans:index")).content.decode()


class TestAdvisoryRecruiter:
    def test_edits_analyses_of_own_sessions_only(self, client, world):
        client.force_login(world["recruiter"])
        assert client.get(reverse("commission:session", args=[world["session"].pk])).status_code == 200
        assert client.get(reverse("commission:analysis", args=[world["analysis"].pk])).status_code == 200
        other = AnalysisFactory()
        assert client.get(reverse("commission:analysis", args=[other.pk])).status_code == 404
        assert client.get(reverse("commission:session", args=[other.session_id])).status_code == 404

    def test_another_recruiters_analysis_is_read_only(self, client, world):
        colleague = recruiter()
        world["session"].recruiters.add(colleague)
        analysis = world["analysis"]
        analysis.recruiter = world["recruiter"]
        analysis.save()
        client.force_login(colleague)
        assert_denied(client.post(reverse("commission:analysis", args=[analysis.pk]), analysis_data(**FULL_OPINIONS)))

    def test_cannot_manage_sessions(self, client, world):
        client.force_login(world["recruiter"])
        assert_denied(client.get(reverse("commission_sessions:add")))
        assert_denied(client.get(reverse("commission_sessions:edit", args=[world["session"].pk])))
        assert_denied(client.post(reverse("commission:session", args=[world["session"].pk]), {"candidates": []}))
        assert_denied(client.post(reverse("commission:publish", args=[world["session"].pk])))
        assert_denied(client.get(reverse("commission:statistics")))


class TestSessionPilot:
    def test_reaches_every_commission_screen(self, client, world):
        client.force_login(pilot())
        for route in every_route(world):
            if "delete" in route or "publication" in route or "piadc" in route:
                continue
            response = client.get(route)
            assert response.status_code == 200, route


class TestTrainingCommission:
    def test_manages_plans_but_not_sessions(self, client, world):
        client.force_login(UserFactory(roles=[Role.TRAINING_COMMISSION]))
        assert client.get(reverse("commission_plans:edit", args=[world["plan"].pk])).status_code == 200
        assert client.get(reverse("commission:dossier", args=[world["candidate"].pk])).status_code == 200
        assert_denied(client.get(reverse("commission:analysis", args=[world["analysis"].pk])))
        assert_denied(client.get(reverse("commission_sessions:add")))


class TestAdministrator:
    def test_sets_the_classification_like_a_pilot(self, client, world):
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
        url = reverse("commission:classify", args=[world["analysis"].pk])
        assert client.get(url).status_code == 200
        client.post(url, {"classification": "employable", "classified_on": "2026-11-24"})
        world["candidate"].refresh_from_db()
        assert world["candidate"].classification == "employable"
