"""A company recruiter searches the pool, studies a profile, opens the skills popup and creates a sheet."""

import pytest
from playwright.sync_api import expect

from recruitment.models import SarResult, Skill
from recruitment.sar.models import FollowUpSheet
from tests.portal.factories import PASSWORD
from tests.recruitment.factories import area
from tests.sar.factories import PoolCandidateFactory, analysed, company_with_recruiters

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recruiter_searches_studies_and_creates_a_sheet(page):
    company, (recruiter,) = company_with_recruiters(1)
    wanted = PoolCandidateFactory(last_name="NAVIGATEUR", first_name="Paul", employment_area=area("Alsace / Bas-Rhin"))
    skill = Skill.objects.select_related("theme").order_by("theme__order", "order").first()
    analysed(wanted, skills=[(skill, "experimente")], internal_notes="NOTE INTERNE DU NAVIGATEUR")
    PoolCandidateFactory(last_name="AILLEURS", employment_area=area("Lorraine / Moselle"))

    page.goto("/extranet/login/")
    page.fill("input[name=username]", recruiter.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/extranet/")

    page.goto("/extranet/recrutements/vivier/")
    # Multi-value filters show their options at once (no heading to open first).
    expect(
        page.locator("fieldset.sar-filter--multi", has_text="Bassin d'emploi").locator("input").first
    ).to_be_visible()
    page.check(f"input[name=employment_area][value='{area('Alsace / Bas-Rhin').pk}']")
    page.click("button:has-text('Rechercher')")
    page.wait_for_url("**employment_area=*")
    rows = page.locator("table.sar-pool tbody tr")
    assert rows.count() == 1
    expect(rows.first).to_contain_text("NAVIGATEUR")

    rows.first.locator("summary", has_text="Voir les savoir faire").click()
    popup = rows.first.locator(".sar-skills-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text(f"{skill.name}-Expérimenté")

    rows.first.get_by_role("link", name="Etudier").click()
    page.wait_for_url("**/candidats/*/")
    expect(page.locator("h1")).to_contain_text("NAVIGATEUR (Paul)")
    assert "NOTE INTERNE DU NAVIGATEUR" not in page.content()
    page.get_by_role("button", name="Mettre en portefeuille pour recrutement potentiel").click()
    page.wait_for_url("**/recrutements/portefeuille/edit/*/")
    assert "Candidat en vivier" in page.content()

    sheet = FollowUpSheet.objects.get(company=company, candidate=wanted)
    assert sheet.result.code == "profil-interessant-vivier"

    # The rejection causes appear only for "profil jugé non employable", and are then mandatory.
    causes = page.locator("input[name=rejection_causes]").first
    causes_label = page.get_by_text("Cause(s) de rejet du candidat", exact=False).first
    expect(causes).to_be_hidden()
    expect(causes_label).to_be_hidden()  # the label is hidden with its field
    non_employable = SarResult.objects.get(code="profil-non-employable")
    page.select_option("select[name=result]", str(non_employable.pk))
    assert causes.is_visible() and causes_label.is_visible()
    causes.check()
    page.locator("button[type=submit]", has_text="Enregistrer").first.click()
    page.wait_for_load_state()
    sheet.refresh_from_db()
    assert sheet.status.name == "Non employable"
    assert sheet.rejection_causes.count() == 1
    page.goto("/extranet/recrutements/vivier/")
    expect(page.locator("table.sar-pool")).not_to_contain_text("NAVIGATEUR")
