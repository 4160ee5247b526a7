from datetime import date

import pytest

from recruitment.models import ContractType, RecruitmentState
from recruitment.sar.statistics import recruited_counts, recruited_total
from tests.recruitment.factories import area
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory, result

pytestmark = pytest.mark.django_db


def recruited(on, state="periode-essai", area_name="Alsace / Bas-Rhin", candidate=None):
    recruitment = result("recrutement")
    state = RecruitmentState.objects.get(code=state)
    return FollowUpSheetFactory(
        candidate=candidate or PoolCandidateFactory(employment_area=area(area_name)),
        result=recruitment,
        status=state.sets_status or recruitment.status,
        recruited_on=on,
        contract_type=ContractType.objects.get(code="cdi"),
        recruitment_state=state,
    )


def test_counts_per_month_and_territory():
    recruited(date(2026, 3, 3))
    recruited(date(2026, 3, 20), state="recrutement-confirme")
    recruited(date(2026, 3, 21), area_name="Lorraine / Moselle")
    recruited(date(2026, 4, 2), state="demission-candidat")  # broken: not counted
    recruited(date(2025, 12, 31))  # outside the period
    same = recruited(date(2026, 4, 10)).candidate
    recruited(date(2026, 4, 12), candidate=same)  # two companies, one person
    FollowUpSheetFactory(result=result("proposition-en-cours"))
    rows = recruited_counts(date(2026, 1, 1), date(2026, 12, 31))
    assert [(r["period"].month, r["territory"], r["count"]) for r in rows] == [
        (3, "Alsace", 2),
        (3, "Lorraine", 1),
        (4, "Alsace", 1),
    ]
    assert recruited_total(date(2026, 1, 1), date(2026, 12, 31)) == 4
