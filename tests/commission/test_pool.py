"""The pool: a dossier enters it only with consent, classified Employable or Adaptable, from its classification date."""

import datetime

import pytest

from recruitment.commission.pool import pool_candidates
from recruitment.models import Candidate
from tests.recruitment.factories import CandidateFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)


def is_in_pool(candidate, *, on):
    return pool_candidates(on=on).filter(pk=candidate.pk).exists()


def classified(classification, *, consent=True, on=datetime.date(2026, 11, 1)):
    return CandidateFactory(with_consent=consent, classification=classification, classified_on=on)


@pytest.mark.parametrize("classification", ["employable", "adaptable"])
def test_employable_or_adaptable_with_consent_is_in_the_pool(classification):
    candidate = classified(classification)
    assert is_in_pool(candidate, on=TODAY)


@pytest.mark.parametrize("classification", ["sans_suite", "a_determiner", None])
def test_other_classifications_are_not(classification):
    assert not is_in_pool(classified(classification), on=TODAY)


def test_without_consent_never():
    assert not is_in_pool(classified("employable", consent=False), on=TODAY)


def test_only_from_the_classification_date():
    candidate = classified("adaptable", on=datetime.date(2026, 12, 1))
    assert not is_in_pool(candidate, on=datetime.date(2026, 11, 30))
    assert is_in_pool(candidate, on=datetime.date(2026, 12, 1))


def test_without_classification_date_never():
    assert not is_in_pool(classified("employable", on=None), on=TODAY)


def test_anonymised_dossiers_leave_the_pool():
    candidate = classified("employable")
    candidate.anonymised_at = datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC)
    candidate.save()
    assert not is_in_pool(candidate, on=TODAY)


def test_helper_narrows_a_given_queryset():
    inside, other = classified("employable"), classified("employable")
    assert list(pool_candidates(Candidate.objects.filter(pk=inside.pk), on=TODAY)) == [inside]
    assert set(pool_candidates(on=TODAY)) >= {inside, other}
