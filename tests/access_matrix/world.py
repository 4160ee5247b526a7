"""The demo world the matrix is walked against: `seed_demo` plus the few objects it does not make.

`World.objects(kind, profile)` gives (own, other): the object of the profile's own organisation or
company, and one of another organisation / company (None when the kind has no such split).
"""

from io import StringIO

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Revision, Task, Workflow

from membership.models import AccountRequest, FeeGrid, MembershipApplication
from news.models import NewsPage
from portal.accounts.models import User
from portal.mail.models import OutgoingEmail
from portal.organisations.demo import demo_organisation
from portal.pages.models import ContentPage
from recruitment.alerts.models import SavedSearch
from recruitment.commission.models import Analysis, Session, TrainingPlan
from recruitment.commission.pool import pool_candidates
from recruitment.models import Candidate, CandidateDocument, ConsentTerms, ContactPoint
from recruitment.sar.models import FollowUpSheet, ProposedTrainee, TrainingNeed

from . import PROFILES

# Company B's recruiter: on the company-scoped kinds, B's object is their own and A's the other.
SIDE_B = {"recruiter_b"}
COMPANY_KINDS = {"sheet", "training_need", "trainee", "account_request", "organisation", "saved_search"}


class World:
    def __init__(self):
        self.users = {name: User.objects.filter(username=username).first() for name, username in PROFILES.items()}
        self.users["anonymous"] = None
        partner_a, partner_b = demo_organisation("partner-a"), demo_organisation("partner-b")
        company_a, company_b = demo_organisation("company-a"), demo_organisation("company-b")
        self.org = {"a": company_a, "b": company_b, "partner_a": partner_a, "partner_b": partner_b}
        self.kinds = {}
        dossier_a = Candidate.objects.filter(organisation=partner_a).order_by("pk").first()
        dossier_b = Candidate.objects.filter(organisation=partner_b).order_by("pk").first()
        self.kinds["candidate"] = (dossier_a, dossier_b)
        pool = list(pool_candidates().order_by("pk")[:1])
        outside = Candidate.objects.exclude(pk__in=pool_candidates().values("pk")).order_by("pk").first()
        self.kinds["pool"] = (pool[0] if pool else None, outside)
        doc_a = CandidateDocument.objects.filter(candidate__organisation=partner_a).order_by("pk").first()
        doc_b = CandidateDocument.objects.filter(candidate__organisation=partner_b).order_by("pk").first()
        self.kinds["candidate_document"] = (doc_a, doc_b)
        pool_doc = CandidateDocument.objects.filter(candidate__in=pool_candidates()).order_by("pk").first()
        outside_doc = CandidateDocument.objects.exclude(candidate__in=pool_candidates()).order_by("pk").first()
        self.kinds["pool_document"] = (pool_doc, outside_doc)
        consented_a = Candidate.objects.filter(organisation=partner_a, consent__isnull=False).order_by("pk").first()
        consented_b = Candidate.objects.filter(organisation=partner_b, consent__isnull=False).order_by("pk").first()
        self.kinds["consented"] = (consented_a, consented_b)
        contact_a = ContactPoint.objects.filter(organisation=partner_a).first()
        contact_b = (
            ContactPoint.objects.create(
                organisation=partner_b, employment_area=contact_a.employment_area, user=self.users["adviser"]
            )
            if contact_a
            else None
        )
        self.kinds["contact_point"] = (contact_a, contact_b)
        self.kinds["consent_terms"] = (ConsentTerms.objects.first(), None)
        self.kinds["session"] = (Session.objects.order_by("date").first(), None)
        self.kinds["analysis"] = (Analysis.objects.order_by("pk").first(), None)
        self.kinds["plan"] = (TrainingPlan.objects.order_by("pk").first(), None)
        self.kinds["sheet"] = (
            FollowUpSheet.objects.filter(company=company_a).order_by("pk").first(),
            FollowUpSheet.objects.filter(company=company_b).order_by("pk").first(),
        )
        # Company A's search is recruiter_a's, shared with the company (recruiter_a2 opens it, never edits it).
        self.kinds["saved_search"] = (
            SavedSearch.objects.create(owner=self.users["recruiter_a"], name="Recherche de A", shared=True),
            SavedSearch.objects.create(owner=self.users["recruiter_b"], name="Recherche de B"),
        )
        need_a = TrainingNeed.objects.filter(company=company_a).first()
        need_b = TrainingNeed.objects.create(
            company=company_b, created_by=self.users["recruiter_b"], headcount=1, wished_start=need_a.wished_start
        )
        self.kinds["training_need"] = (need_a, need_b)
        self.kinds["trainee"] = (self._trainee(company_a, "recruiter_a"), self._trainee(company_b, "recruiter_b"))
        self.kinds["organisation"] = (company_a, company_b)
        self.kinds["application"] = (MembershipApplication.objects.exclude(submitted_at=None).first(), None)
        request_a = AccountRequest.objects.filter(organisation=company_a).first()
        request_b = AccountRequest.objects.create(
            organisation=company_b,
            requested_by=self.users["recruiter_b"],
            last_name="AUTRE",
            first_name="Camille",
            email="camille.autre@nege.test",
            role=request_a.role,
            state=request_a.state,
        )
        self.kinds["account_request"] = (request_a, request_b)
        self.kinds["fee_grid"] = (FeeGrid.objects.first(), None)
        self.kinds["information"] = (
            NewsPage.objects.filter(extranet_only=True).first() or NewsPage.objects.first(),
            None,
        )
        self.kinds["page"] = (ContentPage.objects.order_by("pk").first(), None)
        self.kinds["image"] = (get_image_model().objects.order_by("pk").first(), None)
        document = get_document_model().objects.create(
            title="Statuts", file=ContentFile(b"%PDF-1.4", name="statuts.pdf")
        )
        self.kinds["document"] = (document, None)
        self.kinds["collection"] = (Collection.get_first_root_node().add_child(name="Matrice"), None)
        self.kinds["workflow"] = (Workflow.objects.first(), None)
        self.kinds["task"] = (Task.objects.first(), None)
        self.kinds["redirect"] = (Redirect.objects.create(old_path="/ancienne-page", redirect_link="/"), None)
        self.kinds["group"] = (Group.objects.order_by("pk").first(), None)
        self.kinds["email"] = (OutgoingEmail.objects.order_by("pk").first() or self._email(), None)
        self.kinds["revision"] = (Revision.objects.filter(content_type__model="contentpage").first(), None)

    def _trainee(self, company, profile):
        """A dossier proposed by the company outside the pool (a demo dossier outside the pool)."""
        taken = ProposedTrainee.objects.values("candidate")
        candidate = (
            Candidate.objects.exclude(pk__in=pool_candidates().values("pk"))
            .exclude(pk__in=taken)
            .order_by("-pk")
            .first()
        )
        return ProposedTrainee.objects.create(candidate=candidate, company=company, proposed_by=self.users[profile])

    def _email(self):
        return OutgoingEmail.objects.create(to=["quelqu.un@nege.test"], subject="Essai", body_text="Bonjour.")

    def objects(self, kind, profile):
        """(own, other) objects of `kind` for the profile."""
        if kind == "user":
            me = self.users.get(profile) or self.users["adviser"]
            return me, self.users["recruiter_b"] if me != self.users["recruiter_b"] else self.users["adviser"]
        if kind == "my_organisation":
            me = self.users.get(profile)
            mine = me.organisation if me and me.organisation_id else self.org["a"]
            return mine, self.org["b"] if mine != self.org["b"] else self.org["a"]
        if kind not in self.kinds and kind.startswith("model:"):
            self.kinds[kind] = (apps.get_model(kind[len("model:") :]).objects.order_by("pk").first(), None)
        own, other = self.kinds[kind]
        if profile in SIDE_B and kind in COMPANY_KINDS and other is not None:
            return other, own
        return own, other


def build_world():
    call_command("seed_demo", force=True, candidates=24, verbosity=0, stdout=StringIO())
    return World()
