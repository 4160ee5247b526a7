"""Training needs (recruiter → ADC commission) and trainees proposed outside the pool."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from portal.accounts.roles import Role
from recruitment.models import Candidate, Skill
from recruitment.sar.models import ProposedTrainee, TrainingNeed
from tests.portal.factories import UserFactory
from tests.recruitment.factories import CandidateFactory, area, job
from tests.sar.conftest import login
from tests.sar.factories import TrainingNeedFactory

pytestmark = pytest.mark.django_db


def need_data(**overrides):
    data = {
        "jobs": [job().pk],
        "skills": [Skill.objects.first().pk],
        "headcount": 3,
        "place": "Metz",
        "wished_start": (timezone.localdate() + timedelta(days=60)).isoformat(),
        "comment": "Besoin de trois développeurs juniors.",
    }
    data.update(overrides)
    return data


class TestRecruiterTrainingNeeds:
    def test_submit_sends_to_the_adc_commission(self, client, recruiter, mailoutbox):
        adc = UserFactory(roles=[Role.TRAINING_COMMISSION], email="adc@exemple.test")
        response = login(client, recruiter).post(reverse("sar_training_needs:add"), need_data())
        assert response.status_code == 302
        need = TrainingNeed.objects.get()
        assert (need.company, need.created_by, need.headcount) == (recruiter.organisation, recruiter, 3)
        assert [email.to for email in mailoutbox] == [[adc.email]]
        assert "Metz" in mailoutbox[0].body

    def test_headcount_at_least_one(self, client, recruiter):
        response = login(client, recruiter).post(reverse("sar_training_needs:add"), need_data(headcount=0))
        assert response.status_code == 200
        assert not TrainingNeed.objects.exists()

    def test_sees_only_the_company_needs(self, client, recruiter, colleague, other_recruiter):
        mine = TrainingNeedFactory(company=recruiter.organisation, created_by=colleague)
        other = TrainingNeedFactory(company=other_recruiter.organisation)
        login(client, recruiter)
        listed = {n.pk for n in client.get(reverse("sar_training_needs:index")).context["object_list"]}
        assert listed == {mine.pk}
        assert client.get(reverse("sar_training_needs:edit", args=[other.pk])).status_code == 404
        response = client.post(
            reverse("sar_training_needs:edit", args=[mine.pk]), {**need_data(place="Nancy"), "state": "closed"}
        )
        assert response.status_code == 302
        mine.refresh_from_db()
        assert (mine.place, mine.state) == ("Nancy", "submitted")
        assert client.get(reverse("sar_training_needs:history", args=[other.pk])).status_code == 404


class TestTrainingCommission:
    def test_sees_every_need(self, client):
        needs = {TrainingNeedFactory().pk, TrainingNeedFactory().pk}
        adc = UserFactory(roles=[Role.TRAINING_COMMISSION])
        login(client, adc)
        listed = {n.pk for n in client.get(reverse("sar_training_needs:index")).context["object_list"]}
        assert listed == needs
        assert client.get(reverse("sar_training_needs:edit", args=[min(needs)])).status_code == 200
        need = TrainingNeed.objects.get(pk=min(needs))
        need.jobs.add(job())
        data = {**need_data(), "state": "in_progress"}
        assert client.post(reverse("sar_training_needs:edit", args=[need.pk]), data).status_code == 302
        need.refresh_from_db()
        assert need.state == "in_progress"


def trainee_data(**overrides):
    data = {
        "civility": "Mme",
        "last_name": "Lefèvre",
        "first_name": "Zoé",
        "has_france_travail_id": "False",
        "france_travail_id": "",
        "employment_area": area().pk,
        "city": "Colmar",
        "email": "zoe.lefevre@exemple.test",
        "situation_note": "Rencontrée lors d'un forum.",
    }
    data.update(overrides)
    return data


class TestProposedTrainees:
    def test_propose_creates_a_company_dossier(self, client, recruiter):
        response = login(client, recruiter).post(reverse("sar_trainees:propose"), trainee_data())
        trainee = ProposedTrainee.objects.get()
        assert response.status_code == 302
        candidate = trainee.candidate
        assert candidate.channel.code == "company"
        assert candidate.last_name == "LEFÈVRE"
        assert trainee.company == recruiter.organisation
        assert trainee.owned_by_company
        index = client.get(reverse("sar_trainees:index")).content.decode()
        assert "LEFÈVRE" in index

    def test_uniqueness_check_blocks_a_duplicate(self, client, recruiter):
        CandidateFactory(last_name="LEFEVRE", first_name="Zoe", city="colmar")
        response = login(client, recruiter).post(reverse("sar_trainees:propose"), trainee_data())
        assert response.status_code == 200
        assert "existe peut-être déjà" in response.content.decode()
        assert Candidate.objects.count() == 1

    def test_finalise_and_scope(self, client, recruiter, other_recruiter):
        login(client, recruiter).post(reverse("sar_trainees:propose"), trainee_data())
        trainee = ProposedTrainee.objects.get()
        login(client, other_recruiter)
        assert client.get(reverse("sar_trainees:edit", args=[trainee.pk])).status_code == 404
        assert client.post(reverse("sar_trainees:finalise", args=[trainee.pk])).status_code == 404
        login(client, recruiter)
        client.post(reverse("sar_trainees:edit", args=[trainee.pk]), trainee_data(city="Mulhouse"))
        trainee.refresh_from_db()
        assert trainee.candidate.city == "Mulhouse"
        client.post(reverse("sar_trainees:finalise", args=[trainee.pk]))
        trainee.refresh_from_db()
        assert trainee.finalised_at is not None
        # Taken over by the commission: no longer the company's to edit.
        trainee.taken_over_at = timezone.now()
        trainee.save()
        assert client.get(reverse("sar_trainees:edit", args=[trainee.pk])).status_code == 404


def shown(label, html):
    # The sidebar menu is serialised as JSON inside the page.
    return label in html or escape(json.dumps(label)[1:-1]) in html or json.dumps(label)[1:-1] in html


class TestMenu:
    def test_recruiter_menu(self, client, recruiter):
        html = login(client, recruiter).get("/extranet/").content.decode()
        for label in (
            "Recrutements",
            "Vivier de candidats",
            "Mon portefeuille",
            "Soumettre un besoin",
            "Besoins de formation",
            "Proposer un stagiaire",
            "Dossiers hors vivier",
        ):
            assert shown(label, html), label

    def test_adviser_has_no_recruitment_menu(self, client):
        adviser = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        html = login(client, adviser).get("/extranet/").content.decode()
        assert not shown("Vivier de candidats", html)
        assert not shown("Mon portefeuille", html)
