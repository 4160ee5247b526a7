"""Classification: rules, who may set it, the dossier's fields, status and history; the debriefing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.log_actions import registry as log_registry

from recruitment.commission import rules, services
from recruitment.commission.enums import Classification
from recruitment.models import DismissalReason

from .factories import AnalysisFactory, SessionFactory, pilot, recruiter
from .helpers import assert_denied

pytestmark = pytest.mark.django_db


class TestRules:
    def test_dismissed_needs_a_reason(self):
        assert set(rules.classification_errors(Classification.DISMISSED, None)) == {"dismissal_reason"}
        assert rules.classification_errors(Classification.DISMISSED, object()) == {}

    @pytest.mark.parametrize(
        "value", [Classification.EMPLOYABLE, Classification.ADAPTABLE, Classification.UNDETERMINED]
    )
    def test_other_classes_need_nothing(self, value):
        assert rules.classification_errors(value, None) == {}

    def test_unknown_class(self):
        assert set(rules.classification_errors("recrute", None)) == {"classification"}

    def test_statuses(self):
        assert rules.status_for_classification(Classification.EMPLOYABLE)[0] == "classe"
        assert rules.status_for_classification(Classification.UNDETERMINED)[0] == "a-determiner"
        assert rules.status_for_classification(Classification.DISMISSED)[0] == "sans-suite"


@pytest.fixture
def session_with_pilot():
    the_pilot = pilot()
    return the_pilot, SessionFactory(pilot=the_pilot, recruiters=[recruiter()])


def test_pilot_classifies_and_history_keeps_it(client, session_with_pilot):
    the_pilot, session = session_with_pilot
    analysis = AnalysisFactory(session=session, completed=True)
    client.force_login(the_pilot)
    url = reverse("commission:classify", args=[analysis.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"classification": "adaptable", "classified_on": "2026-11-20"})
    assert response.status_code == 302
    candidate = analysis.candidate
    candidate.refresh_from_db()
    assert candidate.classification == "adaptable" and candidate.classified_on == datetime.date(2026, 11, 20)
    assert candidate.status.code == "classe"
    entry = log_registry.get_logs_for_instance(candidate).get(action="recruitment.change")
    assert {"field": "classification", "old": "", "new": "Adaptable"} in entry.data["changes"]


def test_dismissed_without_reason_is_refused(client, session_with_pilot):
    the_pilot, session = session_with_pilot
    analysis = AnalysisFactory(session=session, completed=True)
    client.force_login(the_pilot)
    response = client.post(
        reverse("commission:classify", args=[analysis.pk]),
        {"classification": "sans_suite", "classified_on": "2026-11-20"},
    )
    assert response.status_code == 200
    assert "obligatoire" in response.content.decode()
    analysis.candidate.refresh_from_db()
    assert analysis.candidate.classification is None
    reason = DismissalReason.objects.first()
    client.post(
        reverse("commission:classify", args=[analysis.pk]),
        {"classification": "sans_suite", "dismissal_reason": reason.pk, "classified_on": "2026-11-20"},
    )
    analysis.refresh_from_db()
    analysis.candidate.refresh_from_db()
    assert analysis.candidate.classification == "sans_suite" and analysis.dismissal_reason == reason
    assert analysis.candidate.status.code == "sans-suite"


def test_advisory_recruiter_may_not_classify(client, session_with_pilot):
    _pilot, session = session_with_pilot
    analysis = AnalysisFactory(session=session, completed=True)
    client.force_login(session.recruiters.get())
    url = reverse("commission:classify", args=[analysis.pk])
    assert_denied(client.get(url))
    assert_denied(client.post(url, {"classification": "employable", "classified_on": "2026-11-20"}))
    analysis.candidate.refresh_from_db()
    assert analysis.candidate.classification is None


def test_service_refuses_an_invalid_classification(session_with_pilot):
    the_pilot, session = session_with_pilot
    analysis = AnalysisFactory(session=session, completed=True)
    with pytest.raises(ValidationError) as raised:
        services.classify(
            analysis,
            classification="sans_suite",
            dismissal_reason=None,
            classified_on=datetime.date.today(),
            user=the_pilot,
        )
    assert "raison de la classification « Sans suite »" in raised.value.message_dict["dismissal_reason"][0]


class TestDebriefing:
    @pytest.fixture
    def analyses(self, session_with_pilot):
        _pilot, session = session_with_pilot
        return {
            "undetermined": AnalysisFactory(session=session, completed=True, undetermined=True),
            "dismissed": AnalysisFactory(session=session, completed=True, dismissed=True),
            "employable": AnalysisFactory(session=session, completed=True),
            "other_session": AnalysisFactory(completed=True, undetermined=True),
        }

    def test_lists_only_undetermined_and_dismissed_of_the_session(self, session_with_pilot, analyses):
        _pilot, session = session_with_pilot
        listed = services.debriefing_analyses(session)
        assert set(listed) == {analyses["undetermined"], analyses["dismissed"]}

    def test_a_final_classification_takes_precedence_over_the_proposal(self, session_with_pilot, analyses):
        the_pilot, session = session_with_pilot
        services.classify(
            analyses["employable"],
            classification=Classification.UNDETERMINED,
            dismissal_reason=None,
            classified_on=datetime.date.today(),
            user=the_pilot,
        )
        assert analyses["employable"] in services.debriefing_analyses(session)

    def test_pilot_steps_through_and_records_final_opinions(self, client, session_with_pilot, analyses):
        the_pilot, session = session_with_pilot
        client.force_login(the_pilot)
        url = reverse("commission:debriefing", args=[session.pk])
        page = client.get(url).content.decode()
        first, second = services.debriefing_analyses(session)
        assert first.candidate.last_name in page and second.candidate.last_name in page
        assert analyses["employable"].candidate.last_name not in page
        assert "Avis sur l'employabilité du candidat" in page
        data = {
            "dossier": first.pk,
            "competence_opinion": "2",
            "behaviour_opinion": "3",
            "experience_opinion": "3",
            "qualification_opinion": "2",
            "project_opinion": "4",
            "classification": "adaptable",
            "classified_on": "2026-11-24",
        }
        response = client.post(url, data)
        assert response.status_code == 302 and response["Location"].endswith(f"?dossier={second.pk}")
        first.refresh_from_db()
        first.candidate.refresh_from_db()
        assert first.competence_opinion == 2 and first.candidate.classification == "adaptable"
        entry = log_registry.get_logs_for_instance(first.candidate).filter(action="recruitment.change").latest("pk")
        fields = {c["field"] for c in entry.data["changes"]}
        assert "avis sur les compétences" in fields and "classification" in fields
        # Classified Adaptable, it leaves the debriefing list.
        assert first not in services.debriefing_analyses(session)

    def test_recruiter_has_no_debriefing(self, client, session_with_pilot, analyses):
        _pilot, session = session_with_pilot
        client.force_login(session.recruiters.get())
        assert_denied(client.get(reverse("commission:debriefing", args=[session.pk])))


def test_debriefing_link_to_a_settled_dossier_shows_the_next_one(client, session_with_pilot):
    the_pilot, session = session_with_pilot
    settled = AnalysisFactory(session=session, completed=True)
    pending = AnalysisFactory(session=session, completed=True, undetermined=True)
    client.force_login(the_pilot)
    url = reverse("commission:debriefing", args=[session.pk])
    response = client.get(url, {"dossier": settled.pk})
    assert response.status_code == 200 and response.context["current"] == pending
    assert client.get(url, {"dossier": AnalysisFactory().pk}).status_code == 404
