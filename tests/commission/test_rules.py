"""The commission's rules hold on every path: the model (any form, a command, the shell) and the screens."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.commission import rules, services
from recruitment.commission.enums import Classification
from recruitment.commission.models import Analysis, TrainingAction, TrainingPlan
from recruitment.models import Candidate
from tests.portal.factories import UserFactory
from tests.recruitment.factories import CandidateFactory, partner_with_adviser

from .factories import AnalysisFactory, TrainingPlanFactory
from .helpers import formset

pytestmark = pytest.mark.django_db

NOV_1 = datetime.date(2026, 11, 1)


def classified(*, consent=True, classification="adaptable"):
    return CandidateFactory(with_consent=consent, classification=classification, classified_on=NOV_1)


class TestPlanEligibility:
    """A PIADC is opened for a classified dossier with consent, whatever the path."""

    @pytest.mark.parametrize("classification", [c.value for c in Classification])
    def test_any_classification_with_consent_is_eligible(self, classification):
        assert rules.plan_refusal(classified(classification=classification)) is None

    def test_without_consent_is_refused(self):
        assert "consentement" in rules.plan_refusal(classified(consent=False))

    def test_unclassified_is_refused(self):
        assert "pas encore classé" in rules.plan_refusal(CandidateFactory(with_consent=True))

    def test_the_model_refuses_it_outside_any_form(self):
        with pytest.raises(ValidationError) as raised:
            TrainingPlan(candidate=CandidateFactory(with_consent=True)).full_clean()
        assert "candidate" in raised.value.message_dict

    def test_an_opened_plan_stays_editable_after_consent_is_withdrawn(self):
        plan = TrainingPlanFactory(candidate=classified())
        Candidate.objects.filter(pk=plan.candidate_id).update(has_consent=False)
        plan.refresh_from_db()
        plan.full_clean()

    def test_the_chooser_offers_exactly_the_eligible_dossiers(self):
        dossiers = [
            classified(),
            classified(consent=False),
            CandidateFactory(with_consent=True),
            CandidateFactory(with_consent=True, classification=""),
        ]
        offered = set(services.plan_candidates())
        for candidate in dossiers:
            assert (candidate in offered) is (rules.plan_refusal(candidate) is None), candidate

    def test_the_extranet_form_shows_the_refusal_next_to_the_field(self, client):
        candidate = CandidateFactory(with_consent=True)
        client.force_login(UserFactory(roles=[Role.TRAINING_COMMISSION]))
        response = client.post(reverse("commission_plans:add"), {"candidate": candidate.pk, **formset("actions")})
        assert response.status_code == 200 and "candidate" in response.context["form"].errors
        assert not TrainingPlan.objects.filter(candidate=candidate).exists()


class TestActionDates:
    def test_the_same_day_is_allowed(self):
        assert rules.action_dates_error(NOV_1, NOV_1) is None

    def test_one_day_before_is_refused(self):
        assert rules.action_dates_error(NOV_1, NOV_1 - datetime.timedelta(days=1))

    def test_open_dates_are_allowed(self):
        assert rules.action_dates_error(NOV_1, None) is None and rules.action_dates_error(None, NOV_1) is None

    def test_the_model_refuses_an_action_ending_before_it_starts(self):
        plan = TrainingPlanFactory(candidate=classified())
        action = TrainingAction(plan=plan, title="Stage", start_date=NOV_1, end_date=NOV_1 - datetime.timedelta(1))
        with pytest.raises(ValidationError) as raised:
            action.full_clean()
        assert raised.value.message_dict["end_date"] == ["La date de fin précède la date de début."]


class TestAnalysisDismissalReason:
    def test_a_proposed_dismissal_needs_its_reason_on_the_model(self):
        analysis = AnalysisFactory(proposed_classification=Classification.DISMISSED)
        with pytest.raises(ValidationError) as raised:
            analysis.full_clean()
        assert "dismissal_reason" in raised.value.message_dict

    def test_other_proposals_need_no_reason(self):
        AnalysisFactory(proposed_classification=Classification.ADAPTABLE).full_clean()


class TestContactPoint:
    def test_a_person_of_the_organisation_is_accepted(self):
        organisation, adviser = partner_with_adviser()
        assert rules.contact_error(organisation, adviser) is None

    def test_a_person_of_another_organisation_is_refused(self):
        organisation, _adviser = partner_with_adviser()
        _other, stranger = partner_with_adviser()
        assert "n'appartient pas à" in rules.contact_error(organisation, stranger)


class TestAnalysisAuthor:
    def test_the_first_session_recruiter_to_save_becomes_the_author(self):
        assert rules.recruiter_becomes_author(None, 7, {7, 8})

    def test_a_pilot_outside_the_recruiters_does_not(self):
        assert not rules.recruiter_becomes_author(None, 9, {7, 8})

    def test_an_author_is_kept(self):
        assert not rules.recruiter_becomes_author(8, 7, {7, 8})


def test_analysis_model_has_no_duplicate_in_session():
    analysis = AnalysisFactory()
    with pytest.raises(ValidationError):
        Analysis(session=analysis.session, candidate=analysis.candidate).full_clean()
