"""Anonymisation confirmed by an administrator, and the erasure on request: identity, contact data, documents
and consent files (deleted from storage), recorded e-mails, task payloads and history naming the candidate
are erased; what the statistics need is kept."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django_q.models import OrmQ, Schedule, Task
from django_q.signing import SignedPackage
from wagtail.log_actions import log as log_action
from wagtail.models import ModelLogEntry

from portal.accounts.roles import Role
from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail, OutgoingEmailAttachment
from recruitment.commission.models import AnalysisSkill
from recruitment.enums import Classification
from recruitment.models import Candidate, DossierLogEntry, InternalDocument
from recruitment.sar.sheets import CHANGE_ACTION
from tests.commission.factories import AnalysisFactory
from tests.portal.factories import UserFactory
from tests.sar.factories import FollowUpSheetFactory

from .factories import PDF_BYTES, CandidateFactory, partner_with_adviser

EMAIL = "zoe.durand@exemple.test"
NOW = timezone.now()


def anonymise_url(candidate):
    return reverse("recruitment:anonymise", args=[candidate.pk])


def erase_url(candidate):
    return reverse("recruitment:erase", args=[candidate.pk])


@pytest.fixture
def admin(client):
    user = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(user)
    return user


@pytest.fixture
def dossier():
    org, adviser = partner_with_adviser()
    candidate = CandidateFactory(
        organisation=org,
        organisation_contact=adviser,
        last_name="Durand",
        first_name="Zoé",
        email=EMAIL,
        phone="06 12 34 56 78",
        rsa_with_caf=True,
        with_identifier=True,
        with_consent=True,
        with_cv=True,
        classification=Classification.EMPLOYABLE,
        classified_on=datetime.date(2025, 3, 1),
    )
    InternalDocument.objects.create(candidate=candidate, doc_type="TC", file=ContentFile(PDF_BYTES, name="test.pdf"))
    return candidate


def stored_files(candidate):
    files = [d.file for d in [*candidate.candidate_documents.all(), *candidate.internal_documents.all()]]
    return [(f.storage, f.name) for f in [*files, candidate.consent.file]]


def traces(candidate, admin):
    """E-mails, tasks and history naming the candidate, and one of each that does not."""
    naming = OutgoingEmail.objects.create(
        to=["conseil@exemple.test"], subject="Non réponse de DURAND Zoé", body_text="Le candidat DURAND Zoé…"
    )
    to_candidate = OutgoingEmail.objects.create(
        to=[EMAIL], subject="Votre candidature", body_text="Bonjour,", state=EmailState.QUEUED
    )
    attachment = OutgoingEmailAttachment.objects.create(
        email=to_candidate, file=ContentFile(PDF_BYTES, name="cv.pdf"), filename="cv.pdf", mimetype="application/pdf"
    )
    unrelated = OutgoingEmail.objects.create(to=["autre@exemple.test"], subject="Lettre", body_text="Rien.")
    Task.objects.create(
        id="t1",
        name="t1",
        func="portal.mail.tasks.deliver_email",
        args=(EMAIL,),
        started=NOW,
        stopped=NOW,
        success=True,
    )
    Task.objects.create(
        id="t2", name="t2", func="portal.mail.tasks.deliver_email", args=(12,), started=NOW, stopped=NOW, success=True
    )
    payload = {"id": "q1", "name": "q1", "func": "x.y", "args": (), "kwargs": {"candidate_id": candidate.pk}}
    OrmQ.objects.create(key="nege", payload=SignedPackage.dumps(payload), lock=NOW)
    Schedule.objects.create(name="Relance", func="x.y", kwargs=f"candidate_id={candidate.pk}")
    sheet = FollowUpSheetFactory(candidate=candidate, comment="Appelée le 2/12, Zoé rappellera.")
    log_action(sheet, CHANGE_ACTION, user=admin, data={"changes": [{"field": "x", "old": "", "new": "DURAND Zoé"}]})
    analysis = AnalysisFactory(candidate=candidate, completed=True, details=True)
    return {"naming": naming, "to_candidate": to_candidate, "attachment": attachment, "unrelated": unrelated,
            "sheet": sheet, "analysis": analysis}  # fmt: skip


@pytest.mark.django_db
class TestAnonymisation:
    def test_erases_everywhere_and_keeps_the_statistics(
        self, client, admin, dossier, django_capture_on_commit_callbacks
    ):
        files = stored_files(dossier)
        assert all(storage.exists(name) for storage, name in files)
        found = traces(dossier, admin)
        attachment_file = (found["attachment"].file.storage, found["attachment"].file.name)
        skills = AnalysisSkill.objects.filter(analysis=found["analysis"]).count()
        before = Candidate.objects.get(pk=dossier.pk)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(anonymise_url(dossier))
        assert response.status_code == 302
        candidate = Candidate.objects.get(pk=dossier.pk)
        # Identity and contact data.
        for name in ("email", "phone", "caf_number", "france_travail_id", "street"):
            assert getattr(candidate, name) == "", name
        assert candidate.last_name == "ANONYME" and candidate.anonymised_at
        # Documents and consent: rows and stored files.
        assert not candidate.candidate_documents.exists() and not candidate.internal_documents.exists()
        assert not candidate.consent.file
        assert not any(storage.exists(name) for storage, name in [*files, attachment_file])
        # Recorded e-mails naming the candidate or sent to them.
        for key in ("naming", "to_candidate"):
            email = OutgoingEmail.objects.get(pk=found[key].pk)
            text = f"{email.subject} {email.body_text} {email.body_html} {email.to}"
            assert "DURAND" not in text and EMAIL not in text, text
        assert OutgoingEmail.objects.get(pk=found["to_candidate"].pk).state == EmailState.ABANDONED
        assert not OutgoingEmailAttachment.objects.exists()
        assert OutgoingEmail.objects.get(pk=found["unrelated"].pk).subject == "Lettre"
        # Task payloads.
        assert Task.objects.get(id="t1").args is None
        assert Task.objects.get(id="t2").args == (12,)
        assert not OrmQ.objects.exists() and not Schedule.objects.filter(name="Relance").exists()
        # History of the dossier and of the objects built on it.
        everything = [
            *DossierLogEntry.objects.values_list("label", "data"),
            *ModelLogEntry.objects.values_list("label", "data"),
        ]
        assert "DURAND" not in str(everything) and "Zoé" not in str(everything)  # fmt: skip
        # Free texts of the commission and of the company, not their decisions.
        found["analysis"].refresh_from_db()
        found["sheet"].refresh_from_db()
        assert found["analysis"].internal_notes == "" and found["sheet"].comment == ""
        assert found["analysis"].proposed_classification == Classification.EMPLOYABLE
        assert AnalysisSkill.objects.filter(analysis=found["analysis"]).count() == skills > 0
        assert found["sheet"].result_id and found["sheet"].company_id
        # What the statistics need.
        for name in ("organisation_id", "employment_area_id", "status_id", "situation_id", "channel_id",
                     "classification", "classified_on", "created_at", "has_consent"):  # fmt: skip
            assert getattr(candidate, name) == getattr(before, name), name

    def test_a_rolled_back_erasure_keeps_the_files(self, client, admin, dossier, django_capture_on_commit_callbacks):
        files = stored_files(dossier)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            client.post(anonymise_url(dossier))
        assert callbacks  # the deletion waits for the commit
        assert all(storage.exists(name) for storage, name in files)


@pytest.mark.django_db
class TestErasureOnRequest:
    def test_a_reason_is_required_and_recorded_without_the_name(
        self, client, admin, dossier, django_capture_on_commit_callbacks
    ):
        files = stored_files(dossier)
        assert not dossier.needs_review  # an active dossier: the request does not wait for the 24 months
        response = client.post(erase_url(dossier), {"reason": ""})
        assert response.status_code == 200 and "Indiquez le motif" in response.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(erase_url(dossier), {"reason": "Demande écrite de Zoé DURAND du 02/12/2026"})
        assert response.status_code == 302
        candidate = Candidate.objects.get(pk=dossier.pk)
        assert candidate.erased_on_request and candidate.anonymised_at and candidate.email == ""
        assert "02/12/2026" in candidate.erasure_reason and "DURAND" not in candidate.erasure_reason
        entry = DossierLogEntry.objects.for_instance(candidate).get(action="recruitment.erase")
        assert entry.user == admin and entry.data["reason"] == candidate.erasure_reason
        assert not any(storage.exists(name) for storage, name in files)


@pytest.mark.django_db
class TestOnlyAdministrators:
    @pytest.mark.parametrize("role", [Role.EMPLOYMENT_ADVISER, Role.SESSION_PILOT])
    def test_others_may_neither_anonymise_nor_erase(self, client, dossier, role):
        user = dossier.organisation_contact if role == Role.EMPLOYMENT_ADVISER else UserFactory(roles=[role])
        client.force_login(user)
        for url in (anonymise_url(dossier), erase_url(dossier)):
            assert client.get(url).status_code == 403
            assert client.post(url, {"reason": "Demande"}).status_code == 403
        dossier.refresh_from_db()
        assert dossier.last_name == "DURAND" and dossier.anonymised_at is None
