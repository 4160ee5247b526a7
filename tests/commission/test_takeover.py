"""'Stagiaires proposés hors vivier': the commission takes over a dossier proposed by a company (DESIGN 3.3)."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from portal.accounts.roles import Role
from recruitment.models import ApplicationChannel, DossierLogEntry
from recruitment.sar.enums import COMPANY_CHANNEL
from recruitment.sar.models import ProposedTrainee
from tests.portal.factories import OrganisationFactory, UserFactory
from tests.recruitment.factories import CandidateFactory, partner_with_adviser
from tests.sar.factories import company_with_recruiters

from .factories import pilot, recruiter
from .helpers import assert_denied

pytestmark = pytest.mark.django_db

LIST_URL = reverse("commission:proposals")
ACTION = "commission.take_over"


def take_over_url(proposal):
    return reverse("commission:take_over", args=[proposal.pk])


def propose(company, proposed_by, *, last_name="PROPOSÉ", finalised=True, days_ago=0):
    """A dossier as recruitment.sar.trainees.propose leaves it: followed by the company and its recruiter."""
    candidate = CandidateFactory(
        last_name=last_name,
        first_name="Zoé",
        organisation=company,
        organisation_contact=proposed_by,
        channel=ApplicationChannel.objects.get(code=COMPANY_CHANNEL),
    )
    proposal = ProposedTrainee.objects.create(
        candidate=candidate,
        company=company,
        proposed_by=proposed_by,
        finalised_at=timezone.now() if finalised else None,
    )
    if days_ago:
        ProposedTrainee.objects.filter(pk=proposal.pk).update(proposed_at=timezone.now() - timedelta(days=days_ago))
        proposal.refresh_from_db()
    return proposal


@pytest.fixture
def company():
    organisation, recruiters = company_with_recruiters(1)
    return organisation, recruiters[0]


@pytest.fixture
def proposal(company):
    return propose(*company, last_name="LEFÈVRE")


@pytest.fixture
def partner():
    return partner_with_adviser()


def take_over_data(partner, contact=None, **overrides):
    organisation, adviser = partner
    data = {"organisation": str(organisation.pk), "organisation_contact": str((contact or adviser).pk), "comment": ""}
    data.update(overrides)
    return data


def take_overs(candidate):
    return DossierLogEntry.objects.for_instance(candidate).filter(action=ACTION)


def menu_shows(label, html):
    # The sidebar menu is serialised as JSON inside the page.
    encoded = json.dumps(label)[1:-1]
    return label in html or encoded in html or escape(encoded) in html


class TestPilot:
    @pytest.fixture
    def user(self, client):
        user = pilot()
        client.force_login(user)
        return user

    def test_lists_proposals_not_taken_over_newest_first(self, client, user, company):
        old = propose(*company, last_name="ANCIEN", finalised=False, days_ago=5)
        new = propose(*company, last_name="RÉCENT", days_ago=1)
        taken = propose(*company, last_name="DÉJÀPRIS")
        taken.taken_over_at = timezone.now()
        taken.save()
        response = client.get(LIST_URL)
        assert response.status_code == 200
        body = response.content.decode()
        assert "Stagiaires proposés hors vivier" in body
        assert str(company[0]) in body
        assert body.index("RÉCENT") < body.index("ANCIEN")
        assert "DÉJÀPRIS" not in body
        assert "en cours de saisie par l&#x27;entreprise" in body or "en cours de saisie par l'entreprise" in body
        assert take_over_url(old) in body and take_over_url(new) in body
        assert take_over_url(taken) not in body

    def test_list_query_count_is_constant(self, client, user):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(LIST_URL).status_code == 200
            return len(queries)

        company, recruiters = company_with_recruiters(1)
        propose(company, recruiters[0], last_name="UN")
        count()  # warms the frame (the user's cached permissions)
        few = count()
        for index in range(6):
            other, others = company_with_recruiters(1)
            propose(other, others[0], last_name=f"AUTRE{index}", finalised=bool(index % 2))
        assert count() == few

    def test_list_is_paginated(self, client, user, company):
        for index in range(51):
            propose(*company, last_name=f"CANDIDAT{index:02d}")
        body = client.get(LIST_URL).content.decode()
        assert "Page 1 / 2" in body and "Page suivante" in body
        assert "Page 2 / 2" in client.get(LIST_URL, {"p": 2}).content.decode()

    def test_menu_item(self, client, user):
        assert menu_shows("Stagiaires proposés hors vivier", client.get("/extranet/").content.decode())

    def test_form_offers_accepted_employment_partners_only(self, client, user, proposal, partner):
        pending = OrganisationFactory(employment_partner=True, pending=True, name="Partenaire en attente")
        body = client.get(take_over_url(proposal)).content.decode()
        assert "LEFÈVRE" in body and "Prendre en charge" in body
        assert str(partner[0]) in body
        assert pending.name not in body
        assert str(proposal.company) in body

    def test_takes_over(self, client, user, company, proposal, partner):
        organisation, adviser = partner
        company_org, company_recruiter = company
        response = client.post(
            take_over_url(proposal), take_over_data(partner, comment="Suivi par l'agence de Colmar."), follow=True
        )
        assert response.redirect_chain[-1][0] == LIST_URL
        body = response.content.decode()
        assert "est pris en charge par la commission" in body
        assert "LEFÈVRE" not in body.split("est pris en charge")[1]  # no longer listed

        proposal.refresh_from_db()
        candidate = proposal.candidate
        candidate.refresh_from_db()
        assert proposal.taken_over_at is not None
        assert not proposal.owned_by_company
        assert candidate.organisation == organisation
        assert candidate.organisation_contact == adviser

        # The dossier's history: who, when, old → new organisation.
        entry = take_overs(candidate).get()
        assert entry.user == user
        assert abs(entry.timestamp - proposal.taken_over_at) < timedelta(minutes=1)
        changes = {c["field"]: (c["old"], c["new"]) for c in entry.data["changes"]}
        assert changes["Organisme"] == (str(company_org), str(organisation))
        assert changes["Point de contact"] == (str(company_recruiter), str(adviser))
        assert entry.data["comment"] == "Suivi par l'agence de Colmar."
        assert f"{company_org} → {organisation}" in entry.message
        history = client.get(reverse("recruitment_dossiers:history", args=[candidate.pk])).content.decode()
        assert "Prise en charge par la commission" in history

    def test_company_loses_access_and_partner_adviser_gains_it(self, client, user, company, proposal, partner):
        organisation, adviser = partner
        _company_org, company_recruiter = company
        client.force_login(company_recruiter)
        assert client.get(reverse("sar_trainees:edit", args=[proposal.pk])).status_code == 200
        client.force_login(adviser)
        assert "LEFÈVRE" not in client.get(reverse("recruitment_dossiers:index")).content.decode()

        client.force_login(user)
        # follow: the pilot reads the success message (the test client keeps one cookie jar).
        assert client.post(take_over_url(proposal), take_over_data(partner), follow=True).status_code == 200

        client.force_login(company_recruiter)
        assert client.get(reverse("sar_trainees:edit", args=[proposal.pk])).status_code == 404
        assert client.post(reverse("sar_trainees:finalise", args=[proposal.pk])).status_code == 404
        assert "LEFÈVRE" not in client.get(reverse("sar_trainees:index")).content.decode()

        client.force_login(adviser)
        assert "LEFÈVRE" in client.get(reverse("recruitment_dossiers:index")).content.decode()
        assert client.get(reverse("recruitment_dossiers:edit", args=[proposal.candidate_id])).status_code == 200

    def test_contact_of_another_organisation_is_refused(self, client, user, company, proposal, partner):
        _other, other_adviser = partner_with_adviser()
        data = take_over_data(partner, contact=other_adviser, comment="Commentaire à garder")
        response = client.post(take_over_url(proposal), data)
        assert response.status_code == 200
        body = response.content.decode()
        assert "Choisissez une personne de l&#x27;organisme sélectionné" in body
        # Nothing typed is lost: the partner stays selected, the comment is kept.
        assert f'<option value="{partner[0].pk}" selected>' in body
        assert "Commentaire à garder" in body
        proposal.refresh_from_db()
        proposal.candidate.refresh_from_db()
        assert proposal.taken_over_at is None
        assert proposal.candidate.organisation == company[0]
        assert not take_overs(proposal.candidate).exists()

    def test_company_recruiter_as_contact_is_refused(self, client, user, company, proposal, partner):
        response = client.post(take_over_url(proposal), take_over_data(partner, contact=company[1]))
        assert response.status_code == 200
        assert "Choisissez une personne de l&#x27;organisme sélectionné" in response.content.decode()
        proposal.refresh_from_db()
        assert proposal.taken_over_at is None

    def test_organisation_must_be_an_accepted_employment_partner(self, client, user, company, proposal):
        pending, pending_adviser = partner_with_adviser(membership_state="pending")
        for organisation, contact in ((pending, pending_adviser), company):
            data = {"organisation": organisation.pk, "organisation_contact": contact.pk}
            response = client.post(take_over_url(proposal), data)
            assert response.status_code == 200
            assert "Choisissez un partenaire Emploi adhérent." in response.content.decode()
        response = client.post(take_over_url(proposal), {})
        body = response.content.decode()
        assert "Choisissez le partenaire Emploi qui suivra le candidat." in body
        assert "Choisissez le point de contact de l&#x27;organisme." in body
        proposal.refresh_from_db()
        assert proposal.taken_over_at is None

    def test_cannot_be_taken_over_twice(self, client, user, proposal, partner):
        assert client.post(take_over_url(proposal), take_over_data(partner)).status_code == 302
        other_partner = partner_with_adviser()
        response = client.post(take_over_url(proposal), take_over_data(other_partner), follow=True)
        assert "a déjà été pris en charge par la commission" in response.content.decode()
        assert response.redirect_chain[-1][0] == LIST_URL
        response = client.get(take_over_url(proposal), follow=True)
        assert "a déjà été pris en charge par la commission" in response.content.decode()
        proposal.candidate.refresh_from_db()
        assert proposal.candidate.organisation == partner[0]
        assert take_overs(proposal.candidate).count() == 1

    def test_unknown_proposal_is_404(self, client, user):
        assert client.get(reverse("commission:take_over", args=[999999])).status_code == 404

    def test_action_requires_csrf(self, user, proposal, partner):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        strict.force_login(user)
        assert strict.post(take_over_url(proposal), take_over_data(partner)).status_code == 403
        proposal.refresh_from_db()
        assert proposal.taken_over_at is None


class TestTrainingCommission:
    def test_lists_and_takes_over(self, client, proposal, partner):
        user = UserFactory(roles=[Role.TRAINING_COMMISSION])
        client.force_login(user)
        assert "LEFÈVRE" in client.get(LIST_URL).content.decode()
        assert menu_shows("Stagiaires proposés hors vivier", client.get("/extranet/").content.decode())
        assert client.post(take_over_url(proposal), take_over_data(partner)).status_code == 302
        proposal.refresh_from_db()
        assert proposal.taken_over_at is not None
        assert take_overs(proposal.candidate).get().user == user


class TestAdministrator:
    @pytest.mark.parametrize("kwargs", [{"roles": [Role.ADMINISTRATOR]}, {"administrator": True}])
    def test_lists_and_takes_over(self, client, proposal, partner, kwargs):
        client.force_login(UserFactory(**kwargs))
        assert "LEFÈVRE" in client.get(LIST_URL).content.decode()
        assert client.post(take_over_url(proposal), take_over_data(partner)).status_code == 302
        proposal.candidate.refresh_from_db()
        assert proposal.candidate.organisation == partner[0]


def assert_refused_everywhere(client, user, proposal, partner):
    client.force_login(user)
    assert_denied(client.get(LIST_URL))
    assert_denied(client.get(take_over_url(proposal)))
    assert_denied(client.post(take_over_url(proposal), take_over_data(partner)))
    assert not menu_shows("Stagiaires proposés hors vivier", client.get("/extranet/").content.decode())
    proposal.refresh_from_db()
    proposal.candidate.refresh_from_db()
    assert proposal.taken_over_at is None
    assert proposal.candidate.organisation == proposal.company
    assert not take_overs(proposal.candidate).exists()


class TestCompanyRecruiter:
    def test_own_company_recruiter_is_refused(self, client, company, proposal, partner):
        assert_refused_everywhere(client, company[1], proposal, partner)

    def test_other_company_recruiter_is_refused(self, client, proposal, partner):
        _other, recruiters = company_with_recruiters(1)
        assert_refused_everywhere(client, recruiters[0], proposal, partner)


class TestEmploymentAdviser:
    def test_adviser_is_refused(self, client, proposal, partner):
        # Even the adviser of the partner the dossier would go to.
        assert_refused_everywhere(client, partner[1], proposal, partner)


class TestAdvisoryRecruiter:
    def test_advisory_recruiter_is_refused(self, client, proposal, partner):
        assert_refused_everywhere(client, recruiter(), proposal, partner)


class TestAnonymous:
    def test_anonymous_is_sent_to_the_login(self, client, proposal, partner):
        for response in (client.get(LIST_URL), client.post(take_over_url(proposal), take_over_data(partner))):
            assert response.status_code == 302 and "/extranet/login/" in response["Location"]
        proposal.refresh_from_db()
        assert proposal.taken_over_at is None
