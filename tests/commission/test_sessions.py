"""Sessions: only eligible dossiers are attached (others refused with the reason), statuses and history follow."""

import pytest
from django.urls import reverse
from wagtail.log_actions import registry as log_registry

from portal.reference_data.recruitment import DOSSIER_STATUSES
from recruitment.commission import rules
from recruitment.commission.models import Analysis
from recruitment.models import Candidate, DossierStatus
from tests.recruitment.factories import CandidateFactory, constitution, partner_with_adviser

from .factories import SessionFactory, eligible_candidate, pilot, recruiter, restudy

pytestmark = pytest.mark.django_db


def dossier(code, label="Libellé renommé", *, consent=True):
    """An unsaved dossier in a status (the rules read it, nothing is stored)."""
    return Candidate(has_consent=consent, status=DossierStatus(code=code, name=label))


class TestAttachRules:
    """Which dossiers may be attached to a session / examined: decided on the status code, with consent."""

    @pytest.mark.parametrize("code, label, _may_set", DOSSIER_STATUSES)
    def test_each_status_in_or_out(self, code, label, _may_set):
        expected_in = code in {"dossier-complet", "dossier-a-re-etudier"}
        assert (rules.attach_refusal(dossier(code, label)) is None) is expected_in

    def test_a_renamed_status_keeps_its_code(self):
        assert rules.attach_refusal(dossier("dossier-complet", "Complet (nouveau libellé)")) is None

    @pytest.mark.parametrize("label", ["Dossier complet à étudier", "DOSSIER COMPLET À ÉTUDIER"])
    def test_the_label_alone_never_qualifies(self, label):
        reason = rules.attach_refusal(dossier("autre-statut", label))
        assert label in reason and "peuvent être présentés à la commission" in reason

    @pytest.mark.parametrize("code", ["dossier-complet", "dossier-a-re-etudier"])
    def test_without_consent_is_refused(self, code):
        reason = rules.attach_refusal(dossier(code, consent=False))
        assert "consentement" in reason

    def test_other_status_is_refused_with_its_name(self):
        reason = rules.attach_refusal(dossier("constitution-dossier", "Constitution dossier"))
        assert "Constitution dossier" in reason and "Dossier complet à étudier" in reason

    def test_twice_is_refused(self):
        assert "déjà" in rules.attach_refusal(dossier("dossier-complet"), already_attached=True)


@pytest.fixture
def setting():
    organisation, adviser = partner_with_adviser()
    the_pilot = pilot()
    session = SessionFactory(pilot=the_pilot, partners=[organisation], recruiters=[recruiter()])
    return organisation, adviser, the_pilot, session


def test_pilot_attaches_only_eligible_dossiers(client, setting, mailoutbox):
    organisation, adviser, the_pilot, session = setting
    ok = eligible_candidate(organisation=organisation, organisation_contact=adviser, last_name="Complet")
    again = eligible_candidate(
        organisation=organisation, organisation_contact=adviser, status=restudy(), last_name="Reetude"
    )
    no_consent = CandidateFactory(
        organisation=organisation, organisation_contact=adviser, status=ok.status, last_name="Sansconsentement"
    )
    building = CandidateFactory(
        organisation=organisation,
        organisation_contact=adviser,
        status=constitution(),
        with_consent=True,
        last_name="Enconstitution",
    )
    client.force_login(the_pilot)
    url = reverse("commission:session", args=[session.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {"candidates": [ok.pk, again.pk, no_consent.pk, building.pk]}, follow=True)
    assert set(Analysis.objects.filter(session=session).values_list("candidate__last_name", flat=True)) == {
        "COMPLET",
        "REETUDE",
    }
    body = response.content.decode()
    assert "SANSCONSENTEMENT" in body and "consentement du candidat n&#x27;est pas recueilli" in body
    assert "ENCONSTITUTION" in body and "Constitution dossier" in body
    ok.refresh_from_db()
    assert ok.status.code == "convoque-commission"
    (mail,) = mailoutbox
    assert mail.to == [session.recruiters.get().email] and "2 dossier(s)" in mail.subject
    assert "COMPLET" in mail.body and "SANSCONSENTEMENT" not in mail.body
    entry = log_registry.get_logs_for_instance(ok).filter(action="recruitment.change").get()
    assert any(c["field"] == "session de la commission" for c in entry.data["changes"])


def test_a_dossier_of_another_partner_cannot_be_attached(client, setting):
    _organisation, _adviser, the_pilot, session = setting
    other = eligible_candidate()
    client.force_login(the_pilot)
    response = client.post(reverse("commission:session", args=[session.pk]), {"candidates": [other.pk]})
    assert response.status_code == 200  # form error: not among the choices
    assert not Analysis.objects.filter(candidate=other).exists()


def test_session_page_query_count_is_constant(client, setting, django_assert_max_num_queries):
    organisation, adviser, the_pilot, session = setting
    for _ in range(3):
        Analysis.objects.create(session=session, candidate=eligible_candidate(organisation=organisation))
    client.force_login(the_pilot)
    url = reverse("commission:session", args=[session.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    for _ in range(10):
        Analysis.objects.create(session=session, candidate=eligible_candidate(organisation=organisation))
    with django_assert_max_num_queries(len(small.captured_queries) + 2):
        client.get(url)


def test_sessions_index_query_count_is_constant(client, setting, django_assert_max_num_queries):
    _org, _adviser, the_pilot, _session = setting
    client.force_login(the_pilot)
    url = reverse("commission_sessions:index")
    client.get(url)
    with django_assert_max_num_queries(60) as small:
        assert client.get(url).status_code == 200
    for _ in range(8):
        SessionFactory(pilot=the_pilot, partners=[_org])
    with django_assert_max_num_queries(len(small.captured_queries) + 2):
        client.get(url)


def test_pilot_creates_a_session(client, setting):
    organisation, _adviser, the_pilot, session = setting
    client.force_login(the_pilot)
    one_recruiter = session.recruiters.get()
    response = client.post(
        reverse("commission_sessions:add"),
        {
            "date": "2026-12-03",
            "place": "Metz",
            "territory": session.territory_id,
            "partners": [organisation.pk],
            "pilot": the_pilot.pk,
            "recruiters": [one_recruiter.pk],
            "comment": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = organisation.commission_sessions.get(place="Metz")
    assert response["Location"] == reverse("commission:session", args=[created.pk])


def test_pilot_assigns_a_recruiter_of_the_session(client, setting):
    organisation, _adviser, the_pilot, session = setting
    analysis = Analysis.objects.create(session=session, candidate=eligible_candidate(organisation=organisation))
    one_recruiter = session.recruiters.get()
    client.force_login(the_pilot)
    url = reverse("commission:session", args=[session.pk])
    client.post(url, {"assign": "1", "analysis": analysis.pk, "recruiter": one_recruiter.pk})
    analysis.refresh_from_db()
    assert analysis.recruiter == one_recruiter
    outsider = recruiter()
    assert client.post(url, {"assign": "1", "analysis": analysis.pk, "recruiter": outsider.pk}).status_code == 404
    analysis.refresh_from_db()
    assert analysis.recruiter == one_recruiter


def test_a_session_with_completed_analyses_cannot_be_deleted(client, setting):
    _org, _adviser, the_pilot, session = setting
    from .factories import AnalysisFactory

    AnalysisFactory(session=session, completed=True)
    client.force_login(the_pilot)
    response = client.post(reverse("commission_sessions:delete", args=[session.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("commission:session", args=[session.pk])
    assert Analysis.objects.filter(session=session).exists()
    empty = SessionFactory(pilot=the_pilot)
    client.post(reverse("commission_sessions:delete", args=[empty.pk]))
    assert not type(empty).objects.filter(pk=empty.pk).exists()


def test_plans_index_query_count_is_constant(client, django_assert_max_num_queries):
    from portal.accounts.roles import Role
    from tests.portal.factories import UserFactory

    from .factories import TrainingPlanFactory

    TrainingPlanFactory()
    client.force_login(UserFactory(roles=[Role.TRAINING_COMMISSION]))
    url = reverse("commission_plans:index")
    client.get(url)
    with django_assert_max_num_queries(60) as small:
        assert client.get(url).status_code == 200
    for _ in range(8):
        TrainingPlanFactory()
    with django_assert_max_num_queries(len(small.captured_queries) + 2):
        client.get(url)


def test_new_session_form_proposes_the_pilot(client, setting):
    _org, _adviser, the_pilot, _session = setting
    client.force_login(the_pilot)
    body = client.get(reverse("commission_sessions:add")).content.decode()
    assert f'<option value="{the_pilot.pk}" selected>' in body


def test_pilot_marks_a_candidate_absent(client, setting):
    organisation, _adviser, the_pilot, session = setting
    analysis = Analysis.objects.create(session=session, candidate=eligible_candidate(organisation=organisation))
    client.force_login(the_pilot)
    client.post(reverse("commission:session", args=[session.pk]), {"absent": "1", "analysis": analysis.pk})
    analysis.candidate.refresh_from_db()
    assert analysis.candidate.status.code == "absent-entretien"
    entry = log_registry.get_logs_for_instance(analysis.candidate).get(action="recruitment.change")
    assert entry.data["changes"][0]["field"] == "entretien conseil"
