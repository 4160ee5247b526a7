"""Two recruiters of the same company click a quick action at once: one sheet, both land on it."""

import threading

import pytest
from django.db import connection

from recruitment.sar.models import FollowUpSheet
from recruitment.sar.sheets import create_from_quick_action
from tests.sar.factories import PoolCandidateFactory, company_with_recruiters


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_quick_actions_create_one_sheet():
    company, (first, second) = company_with_recruiters(2)
    candidate = PoolCandidateFactory()
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def click(user, action):
        try:
            barrier.wait(timeout=10)
            outcomes.append(create_from_quick_action(user=user, candidate=candidate, quick_action=action))
        except Exception as exc:  # reported below: the test must fail, not hang
            errors.append(exc)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=click, args=(first, "study_later")),
        threading.Thread(target=click, args=(second, "not_retained")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert FollowUpSheet.objects.filter(company=company, candidate=candidate).count() == 1
    sheet = FollowUpSheet.objects.get(company=company, candidate=candidate)
    assert sorted(created for _, created in outcomes) == [False, True]
    assert {found.pk for found, _ in outcomes} == {sheet.pk}
