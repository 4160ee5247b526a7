"""Etudier and its quick actions, the sheet form (rules, mandatory sections, history), non-response alert."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import ModelLogEntry, Site

from portal.pages.models import SiteSettings
from recruitment.models import ContactPoint, ContractType, InternalDocument, RecruitmentState, RejectionCause
from recruitment.sar.enums import DUPLICATE_SHEET_MESSAGE, QuickAction, SheetAction
from recruitment.sar.models import FollowUpSheet
from recruitment.sar.sheets import create_from_quick_action
from tests.portal.factories import UserFactory
from tests.recruitment.factories import PDF_BYTES
from tests.sar.conftest import login
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory, analysed, result

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()

QUICK_ACTIONS = [
    (QuickAction.STUDY_LATER, "Aucun - étude de la candidature en cours", "Etude en cours", 30),
    (QuickAction.NOT_RETAINED, "Profil non retenu après étude fiche profil / CV", "Non retenu", None),
    (
        QuickAction.POTENTIAL_RECRUITMENT,
        "Profil intéressant gardé en vivier pour un recrutement potentiel",
        "Candidat en vivier",
        200,
    ),
    (
        QuickAction.PRE_RECRUITMENT_TRAINING,
        "Profil conservé en vivier pour formation pré-recrutement",
        "Candidat en vivier",
        200,
    ),
]


class TestStudy:
    def test_synthesis_for_companies(self, client, recruiter):
        candidate = PoolCandidateFactory(with_cv=True, email="paul.durand@exemple.test")
        analysed(candidate, internal_notes="NOTE INTERNE SECRETE")
        internal = InternalDocument.objects.create(
            candidate=candidate, doc_type="TC", file=ContentFile(PDF_BYTES, name="test.pdf")
        )
        response = login(client, recruiter).get(reverse("sar_pool:study", args=[candidate.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        assert "paul.durand@exemple.test" in html
        assert "NOTE INTERNE SECRETE" not in html
        assert internal.title not in html
        assert "Avis sur l&#x27;employabilité du candidat" in html or "Avis sur l'employabilité" in html
        for _, label in QuickAction.choices:
            assert escape(label) in html
        cv = candidate.candidate_documents.get()
        download = client.get(reverse("sar_pool:document", args=[candidate.pk, cv.pk]))
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == PDF_BYTES
        # A document of a dossier outside the pool, even through a pool candidate's route: not found.
        hidden = PoolCandidateFactory(with_consent=False, with_cv=True).candidate_documents.get()
        assert client.get(reverse("sar_pool:document", args=[hidden.candidate_id, hidden.pk])).status_code == 404
        assert client.get(reverse("sar_pool:document", args=[candidate.pk, hidden.pk])).status_code == 404

    def test_candidate_outside_the_pool_is_not_found(self, client, recruiter):
        for candidate in (PoolCandidateFactory(with_consent=False), PoolCandidateFactory(dismissed=True)):
            assert login(client, recruiter).get(reverse("sar_pool:study", args=[candidate.pk])).status_code == 404


class TestQuickActions:
    @pytest.mark.parametrize(("action", "result_label", "status", "days"), QUICK_ACTIONS)
    def test_creates_the_sheet_with_the_preset_result(self, client, recruiter, action, result_label, status, days):
        candidate = PoolCandidateFactory()
        response = login(client, recruiter).post(
            reverse("sar_pool:quick_action", args=[candidate.pk]), {"action": action}
        )
        sheet = FollowUpSheet.objects.get(candidate=candidate)
        assert response.status_code == 302
        assert response.url == reverse("sar_sheets:edit", args=[sheet.pk])
        assert (sheet.company, sheet.created_by) == (recruiter.organisation, recruiter)
        assert sheet.result.name == result_label
        assert sheet.status.name == status
        assert sheet.due_on == (None if days is None else TODAY + timedelta(days=days))
        assert ModelLogEntry.objects.filter(object_id=str(sheet.pk), action="sar.create").exists()

    def test_second_sheet_for_the_company_is_impossible(self, client, recruiter, colleague):
        candidate = PoolCandidateFactory()
        url = reverse("sar_pool:quick_action", args=[candidate.pk])
        login(client, recruiter).post(url, {"action": QuickAction.STUDY_LATER})
        response = login(client, colleague).post(url, {"action": QuickAction.NOT_RETAINED}, follow=True)
        sheet = FollowUpSheet.objects.get(candidate=candidate)
        assert FollowUpSheet.objects.filter(candidate=candidate).count() == 1
        assert sheet.result.code == "aucun-etude-en-cours"
        assert response.redirect_chain[-1][0] == reverse("sar_sheets:edit", args=[sheet.pk])
        assert escape(DUPLICATE_SHEET_MESSAGE) in response.content.decode()

    def test_integrity_error_falls_back_to_the_existing_sheet(self, recruiter):
        candidate = PoolCandidateFactory()
        first, created = create_from_quick_action(user=recruiter, candidate=candidate, quick_action="study_later")
        again, created_again = create_from_quick_action(
            user=recruiter, candidate=candidate, quick_action="not_retained"
        )
        assert created and not created_again
        assert again.pk == first.pk

    def test_another_company_may_follow_the_same_candidate(self, client, recruiter, other_recruiter):
        candidate = PoolCandidateFactory()
        url = reverse("sar_pool:quick_action", args=[candidate.pk])
        login(client, recruiter).post(url, {"action": QuickAction.STUDY_LATER})
        login(client, other_recruiter).post(url, {"action": QuickAction.STUDY_LATER})
        assert FollowUpSheet.objects.filter(candidate=candidate).count() == 2

    def test_unknown_action_and_get_refused(self, client, recruiter):
        candidate = PoolCandidateFactory()
        url = reverse("sar_pool:quick_action", args=[candidate.pk])
        login(client, recruiter)
        assert client.post(url, {"action": "recruit_now"}).status_code == 404
        assert client.get(url).status_code == 405
        assert not FollowUpSheet.objects.exists()


def form_data(sheet, **overrides):
    data = {
        "action_codes": sheet.action_list,
        "result": sheet.result_id,
        "rejection_causes": [],
        "comment": sheet.comment,
        "recruited_on": "",
        "contract_type": "",
        "contract_end_date": "",
        "recruitment_state": "",
    }
    if sheet.no_response:
        data["no_response"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def sheet(recruiter):
    return FollowUpSheetFactory(
        company=recruiter.organisation,
        created_by=recruiter,
        due_on=TODAY - timedelta(days=5),
        updated_at=timezone.now() - timedelta(days=35),
    )


def edit(client, sheet, **overrides):
    return client.post(reverse("sar_sheets:edit", args=[sheet.pk]), form_data(sheet, **overrides))


class TestSheetForm:
    def test_result_change_recomputes_status_and_due_date(self, client, recruiter, sheet):
        response = edit(login(client, recruiter), sheet, result=result("proposition-en-cours").pk)
        assert response.status_code == 302
        sheet.refresh_from_db()
        assert sheet.status.name == "Recrutement en cours"
        assert sheet.due_on == TODAY + timedelta(days=30)
        assert timezone.localdate(sheet.updated_at) == TODAY

    def test_actions_change_with_same_result_recomputes_due_date(self, client, recruiter, sheet):
        edit(login(client, recruiter), sheet, action_codes=[SheetAction.CV_ANALYSIS, SheetAction.CONTACT])
        sheet.refresh_from_db()
        assert sheet.action_list == [SheetAction.CV_ANALYSIS, SheetAction.CONTACT]
        assert sheet.due_on == TODAY + timedelta(days=30)

    def test_comment_only_keeps_the_due_date(self, client, recruiter, sheet):
        edit(login(client, recruiter), sheet, comment="Relancé par téléphone.")
        sheet.refresh_from_db()
        assert sheet.comment == "Relancé par téléphone."
        assert sheet.due_on == TODAY - timedelta(days=5)

    def test_status_is_never_typed(self, client, recruiter, sheet):
        edit(login(client, recruiter), sheet, status=result("recrutement").status_id, due_on="2099-01-01")
        sheet.refresh_from_db()
        assert sheet.status.name == "Etude en cours"
        assert sheet.due_on == TODAY - timedelta(days=5)

    def test_rejection_causes_mandatory_for_non_employable(self, client, recruiter, sheet):
        login(client, recruiter)
        response = edit(client, sheet, result=result("profil-non-employable").pk)
        assert response.status_code == 200
        assert "causes de rejet" in response.content.decode()
        sheet.refresh_from_db()
        assert sheet.status.name == "Etude en cours"
        causes = list(RejectionCause.objects.all()[:2])
        response = edit(
            client, sheet, result=result("profil-non-employable").pk, rejection_causes=[c.pk for c in causes]
        )
        assert response.status_code == 302
        sheet.refresh_from_db()
        assert sheet.status.name == "Non employable"
        assert sheet.due_on is None
        assert set(sheet.rejection_causes.all()) == set(causes)

    def test_recruitment_section_mandatory_and_state_drives_status(self, client, recruiter, sheet):
        login(client, recruiter)
        recruitment = result("recrutement").pk
        response = edit(client, sheet, result=recruitment)
        assert response.status_code == 200
        for message in (
            "date de recrutement est obligatoire",
            "type de contrat est obligatoire",
            "état du recrutement",
        ):
            assert message in response.content.decode()
        cdd = ContractType.objects.get(code="cdd")
        trial = RecruitmentState.objects.get(code="periode-essai")
        start = TODAY.isoformat()
        response = edit(
            client, sheet, result=recruitment, recruited_on=start, contract_type=cdd.pk, recruitment_state=trial.pk
        )
        assert response.status_code == 200  # CDD without end date
        assert "date de fin de contrat est obligatoire" in response.content.decode()
        end = (TODAY + timedelta(days=180)).isoformat()
        response = edit(
            client,
            sheet,
            result=recruitment,
            recruited_on=start,
            contract_type=cdd.pk,
            contract_end_date=end,
            recruitment_state=trial.pk,
        )
        assert response.status_code == 302
        sheet.refresh_from_db()
        assert sheet.status.name == "Recruté en période essai ou alternance"
        assert sheet.due_on == TODAY + timedelta(days=250)
        confirmed = RecruitmentState.objects.get(code="recrutement-confirme")
        edit(
            client,
            sheet,
            result=recruitment,
            recruited_on=start,
            contract_type=cdd.pk,
            contract_end_date=end,
            recruitment_state=confirmed.pk,
        )
        sheet.refresh_from_db()
        assert sheet.status.name == "Recruté"
        assert sheet.due_on is None
        resignation = RecruitmentState.objects.get(code="demission-candidat")
        edit(
            client,
            sheet,
            result=recruitment,
            recruited_on=start,
            contract_type=cdd.pk,
            contract_end_date=end,
            recruitment_state=resignation.pk,
        )
        sheet.refresh_from_db()
        assert sheet.status.name == "Rupture contrat"

    @pytest.mark.parametrize(
        ("days", "saved"), [(-1, False), (0, True), (1, True)], ids=["day-before", "same-day", "day-after"]
    )
    def test_contract_end_date_not_before_the_start(self, client, recruiter, sheet, days, saved):
        response = edit(
            login(client, recruiter),
            sheet,
            result=result("recrutement").pk,
            recruited_on=TODAY.isoformat(),
            contract_type=ContractType.objects.get(code="contrat-apprentissage").pk,
            contract_end_date=(TODAY + timedelta(days=days)).isoformat(),
            recruitment_state=RecruitmentState.objects.get(code="periode-essai").pk,
        )
        assert (response.status_code == 302) is saved
        sheet.refresh_from_db()
        assert (sheet.contract_end_date == TODAY + timedelta(days=days)) is saved
        if not saved:
            errors = response.context["form"].errors
            assert errors["contract_end_date"] == [
                "La date de fin de contrat ne peut pas précéder la date de recrutement."
            ]

    def test_every_change_is_in_the_history(self, client, recruiter, sheet):
        login(client, recruiter)
        edit(
            client,
            sheet,
            result=result("proposition-en-cours").pk,
            comment="Proposition envoyée",
            action_codes=[SheetAction.CV_ANALYSIS],
        )
        entry = ModelLogEntry.objects.filter(object_id=str(sheet.pk), action="sar.change").get()
        changes = {change["field"]: (change["old"], change["new"]) for change in entry.data["changes"]}
        assert changes["résultat"] == ("Aucun - étude de la candidature en cours", "Proposition en cours")
        assert changes["statut"] == ("Etude en cours", "Recrutement en cours")
        assert changes["date d'échéance"][1] == (TODAY + timedelta(days=30)).strftime("%d/%m/%Y")
        assert changes["actions effectuées"] == ("", "Analyse du CV")
        assert changes["commentaires"] == ("", "Proposition envoyée")
        assert entry.user == recruiter
        history = client.get(reverse("sar_sheets:history", args=[sheet.pk]))
        assert history.status_code == 200
        html = history.content.decode()
        assert "actions effectuées : — → Analyse du CV" in html
        assert "Proposition en cours" in html

    def test_a_save_without_change_adds_no_history_entry(self, client, recruiter, sheet):
        edit(login(client, recruiter), sheet)
        assert not ModelLogEntry.objects.filter(object_id=str(sheet.pk), action="sar.change").exists()


class TestNonResponse:
    def test_alert_sent_once_to_the_contact_point_with_copy(self, client, recruiter, sheet, mailoutbox, settings):
        candidate = sheet.candidate
        contact = UserFactory(organisation=candidate.organisation, email="point.contact@exemple.test")
        ContactPoint.objects.create(
            organisation=candidate.organisation, employment_area=candidate.employment_area, user=contact
        )
        login(client, recruiter)
        edit(client, sheet, no_response="on")
        assert len(mailoutbox) == 1
        email = mailoutbox[0]
        assert email.to == ["point.contact@exemple.test"]
        assert email.cc == ["recrutement.ge@numeric-emploi.org"]
        assert email.subject.startswith("Signalement de non réponse")
        assert candidate.last_name in email.body
        sheet.refresh_from_db()
        assert sheet.no_response_alerted_at is not None
        page = client.get(reverse("sar_sheets:edit", args=[sheet.pk])).content.decode()
        assert "Signalement de non réponse envoyé le" in page
        # Saved again while still ticked: no new e-mail.
        edit(client, sheet, no_response="on", comment="Toujours pas de réponse")
        assert len(mailoutbox) == 1
        # Unticked, then ticked again: a new alert.
        edit(client, sheet, no_response=None)
        sheet.refresh_from_db()
        assert sheet.no_response_alerted_at is None
        edit(client, sheet, no_response="on")
        assert len(mailoutbox) == 2

    def test_fallback_to_the_dossier_contact_and_site_settings_copy(self, client, recruiter, sheet, mailoutbox):
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.commission_email = "commission@exemple.test"
        site_settings.save()
        edit(login(client, recruiter), sheet, no_response="on")
        assert mailoutbox[0].to == [sheet.candidate.organisation_contact.email]
        assert mailoutbox[0].cc == ["commission@exemple.test"]
