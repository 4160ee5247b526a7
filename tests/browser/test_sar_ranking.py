"""A company recruiter goes from a pool search to its ranking by fit, describes a need and reads the
explanation of the best candidate; axe finds no serious or critical violation on the ranked list."""

import pytest
from playwright.sync_api import expect

from recruitment.models import Skill, StudyLevel
from tests.browser.conftest import assert_no_serious_axe_violations
from tests.portal.factories import PASSWORD
from tests.recruitment.factories import area
from tests.sar.factories import PoolCandidateFactory, analysed, company_with_recruiters

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recruiter_ranks_a_pool_search_by_fit(page):
    _company, (recruiter,) = company_with_recruiters(1)
    python, sql = Skill.objects.select_related("theme").order_by("theme__order", "order", "pk")[:2]
    bas_rhin = area("Alsace / Bas-Rhin")
    best = PoolCandidateFactory(last_name="ADEQUAT", first_name="Léa", employment_area=bas_rhin)
    analysed(
        best,
        skills=[(python, "experimente"), (sql, "operationnel")],
        level_with_diploma=StudyLevel.objects.get(name="Bac + 3"),
    )
    partial = PoolCandidateFactory(last_name="PARTIEL", employment_area=bas_rhin)
    analysed(partial, skills=[(python, "debutant")], level_with_diploma=StudyLevel.objects.get(name="Bac"))
    PoolCandidateFactory(last_name="AILLEURS", employment_area=area("Lorraine / Moselle"))

    page.goto("/extranet/login/")
    page.fill("input[name=username]", recruiter.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/extranet/")

    page.goto("/extranet/recrutements/vivier/")
    page.check(f"input[name=employment_area][value='{bas_rhin.pk}']")
    page.click("button:has-text('Rechercher')")
    page.wait_for_url("**employment_area=*")
    page.get_by_role("link", name="Classer par adéquation à un besoin").click()
    page.wait_for_url("**/vivier/adequation/?*employment_area=*")
    # The pool search's single area already became the need's area.
    assert page.locator("#id_fit_area").input_value() == str(bas_rhin.pk)

    page.select_option("#id_fit_skill_1", str(python.pk))
    page.select_option("#id_fit_mastery_1", "operationnel")
    page.select_option("#id_fit_skill_2", str(sql.pk))
    page.select_option("#id_fit_mastery_2", "operationnel")
    page.select_option("#id_fit_study_level", str(StudyLevel.objects.get(name="Bac + 2").pk))
    page.click("button:has-text('Classer')")
    page.wait_for_url("**fit_skill_1=*")

    rows = page.locator("table.sar-ranking tbody tr")
    assert rows.count() == 2  # the pool search's area still narrows the list
    first = rows.first.inner_text()
    assert "ADEQUAT" in first
    assert "100 %" in first
    assert "2 compétences sur 2 au niveau demandé" in first
    assert f"{python.name} Expérimenté" in first
    assert "Niveau Bac + 2 demandé / Bac + 3 détenu" in first
    second = rows.nth(1).inner_text()
    assert "PARTIEL" in second
    assert "0 compétence sur 2 au niveau demandé" in second
    assert_no_serious_axe_violations(page)

    rows.first.get_by_role("link", name="Etudier").click()
    page.wait_for_url("**/candidats/*/")
    expect(page.locator("h1")).to_contain_text("ADEQUAT (Léa)")
