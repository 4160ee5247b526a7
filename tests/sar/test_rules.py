"""The result → status → days table (DESIGN.md 3.3), row by row, and the other pure rules."""

from datetime import date, datetime
from types import SimpleNamespace

import pytest

from portal.reference_data.recruitment import SAR_RESULTS
from recruitment.models import ContractType, RecruitmentState, SarResult
from recruitment.sar import rules
from tests.design_tables import SAR_TABLE

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


def test_overdue_and_due_soon():
    today = date(2026, 3, 1)
    assert rules.is_overdue(date(2026, 2, 28), today)
    assert not rules.is_overdue(today, today)
    assert not rules.is_overdue(None, today)
    assert rules.is_due_soon(date(2026, 3, 8), today, 7)
    assert not rules.is_due_soon(date(2026, 3, 9), today, 7)


def test_sheet_title():
    area = SimpleNamespace(name="Alsace / Bas-Rhin", __str__=None)
    assert rules.sheet_title("Monsieur", "DUPONT", "Alain", area.name) == "Monsieur DUPONT Alain-Alsace / Bas-Rhin"
