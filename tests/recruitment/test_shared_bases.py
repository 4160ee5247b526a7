"""The two shared bases owned with the dossiers: portal.viewsets (scoped screens) and portal.history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.admin.viewsets.model import ModelViewSet

from portal.history import ChangesFormatter, log_changes, snapshot
from portal.viewsets import ScopedModelViewSet, ScopedViewMixin
from recruitment import rules
from recruitment.models import Candidate, DossierLogEntry
from recruitment.viewsets import DossierViewSet

from .factories import CandidateFactory, complete, job, partner_with_adviser, temporary_situation


class TestScopedViewSet:
    def test_every_view_of_the_viewset_is_scoped(self):
        views = [pattern.callback.view_class for pattern in DossierViewSet().get_urlpatterns()]
        assert views and all(issubclass(view, ScopedViewMixin) for view in views)

    def test_a_scoped_viewset_without_a_scope_is_refused(self):
        class Unscoped(ScopedModelViewSet):
            model = Candidate

        with pytest.raises(TypeError, match="scope"):
            Unscoped(name="sans_portee").get_urlpatterns()

    def test_a_plain_viewset_builds_unscoped_views(self):
        views = [
            pattern.callback.view_class
            for pattern in ModelViewSet(name="x", model=Candidate, form_fields=["last_name"]).get_urlpatterns()
        ]
        assert not any(issubclass(view, ScopedViewMixin) for view in views)


@pytest.mark.django_db
class TestHistory:
    FIELDS = ["status", "situation_date", "situation_end_date", "is_rsa_beneficiary", "civility", "wished_jobs"]

    def test_snapshot_shows_french_values(self):
        candidate = CandidateFactory(
            civility="M.", situation=temporary_situation(), situation_date=datetime.date(2026, 3, 9)
        )
        candidate.wished_jobs.set([job("Testeur"), job("Analyste")])
        values = snapshot(candidate, self.FIELDS)
        assert values == {
            "status": "Constitution dossier",
            "situation_date": "09/03/2026",
            "situation_end_date": "",
            "is_rsa_beneficiary": "Non",
            "civility": "Monsieur",
            "wished_jobs": "Analyste, Testeur",
        }

    def test_one_entry_only_when_something_changed(self):
        _org, adviser = partner_with_adviser()
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser)
        before = snapshot(candidate, self.FIELDS)
        assert log_changes(candidate, before, user=adviser, action="recruitment.change", fields=self.FIELDS) == []
        assert not DossierLogEntry.objects.for_instance(candidate).filter(action="recruitment.change").exists()
        candidate.is_rsa_beneficiary, candidate.caf_number = True, "123"
        candidate.situation_end_date = datetime.date(2026, 12, 31)
        changes = log_changes(candidate, before, user=adviser, action="recruitment.change", fields=self.FIELDS)
        assert changes == [
            {"field": "date de fin prévue", "old": "", "new": "31/12/2026"},
            {"field": "bénéficiaire du RSA", "old": "Non", "new": "Oui"},
        ]
        entry = DossierLogEntry.objects.for_instance(candidate).get(action="recruitment.change")
        assert entry.data == {"changes": changes}
        message = ChangesFormatter().format_message(entry)
        assert message == "Modification : date de fin prévue : — → 31/12/2026 ; bénéficiaire du RSA : Non → Oui"


@pytest.mark.django_db
class TestConsentGate:
    def test_predicate_queryset_and_error_agree(self):
        without, with_consent = CandidateFactory(), CandidateFactory(with_consent=True)
        assert not rules.has_consent(without) and rules.has_consent(with_consent)
        assert list(Candidate.objects.with_consent()) == [with_consent]
        rules.require_consent(with_consent)
        with pytest.raises(ValidationError, match="consentement du candidat n'est pas recueilli") as error:
            rules.require_consent(without)
        assert error.value.code == "consent_required"

    def test_commission_status_refused_without_consent_in_the_model(self):
        candidate = CandidateFactory(status=complete())
        with pytest.raises(ValidationError) as error:
            candidate.full_clean()
        assert "status" in error.value.error_dict
        CandidateFactory(with_consent=True, status=complete()).full_clean()


class TestStatusRule:
    def test_compared_on_the_code_only(self):
        assert rules.hands_to_commission("dossier-complet")
        assert rules.hands_to_commission("dossier-a-re-etudier")
        assert not rules.hands_to_commission("Dossier complet à étudier")
        assert not rules.hands_to_commission("constitution-dossier")


class TestInactivityReview:
    def test_exactly_24_months_is_to_review(self):
        now = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=datetime.UTC)
        threshold = rules.review_threshold(now)
        assert threshold == datetime.datetime(2024, 12, 2, 12, 0, tzinfo=datetime.UTC)
        assert rules.needs_review(threshold, now)
        assert not rules.needs_review(threshold + datetime.timedelta(microseconds=1), now)

    def test_calendar_months_at_the_end_of_a_month(self):
        now = datetime.datetime(2026, 2, 28, 9, 0, tzinfo=datetime.UTC)
        assert rules.months_before(datetime.datetime(2026, 3, 31, tzinfo=datetime.UTC), 1).day == 28
        assert rules.review_threshold(now) == datetime.datetime(2024, 2, 28, 9, 0, tzinfo=datetime.UTC)
