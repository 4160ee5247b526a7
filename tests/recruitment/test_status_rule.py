"""Which statuses an adviser may give a dossier (DESIGN 3.1 "Suivi du traitement"): a pure rule."""

from types import SimpleNamespace

from recruitment import rules

ADVISER_STATUS = SimpleNamespace(pk=1, adviser_may_set=True)
COMMISSION_STATUS = SimpleNamespace(pk=2, adviser_may_set=False)


def refusal(status, previous=None, may_set_any=False):
    return rules.status_refusal(status, previous_status_id=previous, may_set_any_status=may_set_any)


def test_an_adviser_sets_the_statuses_open_to_advisers():
    assert refusal(ADVISER_STATUS) is None


def test_an_adviser_may_not_set_a_commission_status():
    assert refusal(COMMISSION_STATUS) == rules.STATUS_RESERVED_TO_COMMISSION
    assert refusal(COMMISSION_STATUS, previous=ADVISER_STATUS.pk) == rules.STATUS_RESERVED_TO_COMMISSION


def test_an_adviser_keeps_the_commission_status_the_dossier_already_has():
    assert refusal(COMMISSION_STATUS, previous=COMMISSION_STATUS.pk) is None


def test_the_commission_sets_any_status():
    assert refusal(COMMISSION_STATUS, may_set_any=True) is None
