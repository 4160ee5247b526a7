"""The result → status → days table (DESIGN.md 3.3), row by row, and the other pure rules."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.reference_data.recruitment import SAR_RESULTS
from recruitment.models import ContractType, RecruitmentState, SarResult
from recruitment.sar import rules
from recruitment.sar.models import FollowUpSheet
from tests.design_tables import SAR_TABLE
from tests.sar.factories import FollowUpSheetFactory, result

CHANGED = datetime(2026, 1, 10, 15, 30)


def test_table_covers_every_result():
    assert len(SAR_TABLE) == len(SAR_RESULTS)


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "status", "days"), SAR_TABLE)
def test_result_row(label, status, days):
    result = SarResult.objects.select_related("status").get(name=label)
    assert rules.sheet_status(result).name == status
    expected_due = None if days is None else date.fromordinal(CHANGED.date().toordinal() + days)
    assert rules.due_date(result, None, CHANGED) == expected_due


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state_code", "status", "days"),
    [
        ("na", "Recruté en période essai ou alternance", 250),
        ("periode-essai", "Recruté en période essai ou alternance", 250),
        ("recrutement-confirme", "Recruté", None),
        ("rupture-competences", "Rupture contrat", None),
        ("rupture-comportement", "Rupture contrat", None),
        ("rupture-contexte-economique", "Rupture contrat", None),
        ("demission-candidat", "Rupture contrat", None),
    ],
)
def test_recruitment_state_drives_status(state_code, status, days):
    recruitment = SarResult.objects.get(code="recrutement")
    state = RecruitmentState.objects.get(code=state_code)
    assert rules.sheet_status(recruitment, state).name == status
    assert rules.days_before_update(recruitment, state) == days


@pytest.mark.django_db
def test_recruitment_state_ignored_for_other_results():
    result = SarResult.objects.get(code="proposition-en-cours")
    state = RecruitmentState.objects.get(code="recrutement-confirme")
    assert rules.sheet_status(result, state).name == "Recrutement en cours"
    assert rules.days_before_update(result, state) == 30


def test_due_date_recomputed_on_result_or_actions_change_only():
    same = {"old_result_id": 1, "new_result_id": 1, "old_status_id": 5, "new_status_id": 5}
    assert not rules.due_date_must_be_recomputed(**same, old_actions=["a", "b"], new_actions=["b", "a"])
    assert rules.due_date_must_be_recomputed(**same, old_actions=["a"], new_actions=["a", "b"])
    assert rules.due_date_must_be_recomputed(
        old_result_id=1, new_result_id=2, old_status_id=5, new_status_id=5, old_actions=[], new_actions=[]
    )
    assert rules.due_date_must_be_recomputed(
        old_result_id=1, new_result_id=1, old_status_id=5, new_status_id=6, old_actions=[], new_actions=[]
    )


def _errors(result, **kwargs):
    values = {"rejection_causes": [], "recruited_on": None, "contract": None, "contract_end_date": None, "state": None}
    values.update(kwargs)
    return rules.sheet_errors(result=result, **values)


@pytest.mark.django_db
def test_rejection_causes_mandatory_for_non_employable():
    result = SarResult.objects.get(code="profil-non-employable")
    assert "rejection_causes" in _errors(result)
    assert _errors(result, rejection_causes=["x"]) == {}
    assert _errors(SarResult.objects.get(code="abandon-dossier")) == {}


@pytest.mark.django_db
def test_recruitment_section_mandatory_for_recruitment():
    result = SarResult.objects.get(code="recrutement")
    assert set(_errors(result)) == {"recruited_on", "contract_type", "recruitment_state"}
    cdi, cdd = ContractType.objects.get(code="cdi"), ContractType.objects.get(code="cdd")
    trial = RecruitmentState.objects.get(code="periode-essai")
    assert _errors(result, recruited_on=date(2026, 1, 1), contract=cdi, state=trial) == {}
    assert set(_errors(result, recruited_on=date(2026, 1, 1), contract=cdd, state=trial)) == {"contract_end_date"}
    apprenticeship = ContractType.objects.get(code="contrat-apprentissage")
    assert "contract_end_date" in _errors(result, recruited_on=date(2026, 1, 1), contract=apprenticeship, state=trial)
    assert (
        _errors(result, recruited_on=date(2026, 1, 1), contract=cdd, contract_end_date=date(2026, 7, 1), state=trial)
        == {}
    )


TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("due_on", "overdue"),
    [(date(2026, 2, 28), True), (TODAY, False), (date(2026, 3, 2), False), (None, False)],
    ids=["due-yesterday", "due-today", "due-tomorrow", "no-due-date"],
)
def test_overdue_means_strictly_past_the_due_date(due_on, overdue):
    assert rules.is_overdue(due_on, TODAY) is overdue


@pytest.mark.parametrize(
    ("due_on", "reminded"),
    [(date(2026, 2, 1), True), (date(2026, 3, 8), True), (date(2026, 3, 9), False), (None, False)],
    ids=["overdue", "last-day-of-the-horizon", "day-after-the-horizon", "no-due-date"],
)
def test_due_soon_within_the_horizon(due_on, reminded):
    assert rules.is_due_soon(due_on, TODAY, 7) is reminded


@pytest.mark.django_db
def test_queryset_and_property_agree_on_every_boundary():
    """The overdue() / due_soon() querysets and the is_overdue property are the same rule."""
    today = timezone.localdate()
    sheets = {offset: FollowUpSheetFactory(due_on=today + timedelta(days=offset)) for offset in (-1, 0, 1, 7, 8)}
    sheets[None] = FollowUpSheetFactory(without_due_date=True)
    overdue = set(FollowUpSheet.objects.overdue().values_list("pk", flat=True))
    assert overdue == {sheets[-1].pk}
    assert overdue == {sheet.pk for sheet in FollowUpSheet.objects.all() if sheet.is_overdue}
    due_soon = set(FollowUpSheet.objects.due_soon(7).values_list("pk", flat=True))
    assert due_soon == {sheets[offset].pk for offset in (-1, 0, 1, 7)}
    assert due_soon == {s.pk for s in FollowUpSheet.objects.all() if rules.is_due_soon(s.due_on, today, 7)}
    # On another day (the reminders' `today`), the same rule moves with it.
    assert set(FollowUpSheet.objects.overdue(today + timedelta(days=1)).values_list("pk", flat=True)) == {
        sheets[-1].pk,
        sheets[0].pk,
    }


@pytest.mark.parametrize(
    ("end", "accepted"),
    [(date(2026, 1, 9), False), (date(2026, 1, 10), True), (date(2026, 1, 11), True)],
    ids=["day-before-the-start", "same-day-as-the-start", "day-after-the-start"],
)
def test_contract_end_date_may_equal_the_start_date(end, accepted):
    assert rules.contract_end_is_valid(date(2026, 1, 10), end) is accepted


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("end", "accepted"),
    [(date(2026, 1, 9), False), (date(2026, 1, 10), True)],
    ids=["day-before-the-start", "same-day-as-the-start"],
)
def test_the_model_checks_the_contract_end_date_on_every_path(end, accepted):
    """FollowUpSheet.clean() holds the rule: a command or an import validates like the screen."""
    sheet = FollowUpSheetFactory()
    sheet.result = result("recrutement")
    sheet.recruited_on = date(2026, 1, 10)
    sheet.contract_type = ContractType.objects.get(code="cdd")
    sheet.contract_end_date = end
    sheet.recruitment_state = RecruitmentState.objects.get(code="periode-essai")
    if accepted:
        sheet.clean()
    else:
        with pytest.raises(ValidationError) as refused:
            sheet.clean()
        assert refused.value.message_dict == {
            "contract_end_date": ["La date de fin de contrat ne peut pas précéder la date de recrutement."]
        }


def test_sheet_title():
    area = SimpleNamespace(name="Alsace / Bas-Rhin", __str__=None)
    assert rules.sheet_title("Monsieur", "DUPONT", "Alain", area.name) == "Monsieur DUPONT Alain-Alsace / Bas-Rhin"
