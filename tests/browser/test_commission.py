"""An advisory recruiter scores a candidate in a real browser: skill picker filter, scales, draft, completion."""

import pytest
from playwright.sync_api import expect

from recruitment.commission.enums import AnalysisState
from recruitment.commission.models import Analysis
from recruitment.models import Skill
from tests.browser.conftest import assert_no_serious_axe_violations
from tests.commission.factories import AnalysisFactory, SessionFactory, eligible_candidate, recruiter
from tests.portal.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, user):
    page.goto("/extranet/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/extranet/")


def choose_scale(page, field, step):
    page.check(f"input[name={field}][value='{step}']")


def test_advisory_recruiter_scores_a_candidate(page):
    the_recruiter = recruiter()
    session = SessionFactory(recruiters=[the_recruiter])
    analysis = AnalysisFactory(session=session, candidate=eligible_candidate(last_name="Tablette"))
    python = Skill.objects.filter(name="Python").first()
    sql = Skill.objects.filter(name="SQL").first()

    page.set_viewport_size({"width": 820, "height": 1180})  # a tablet, as used during interviews
    login(page, the_recruiter)
    page.goto(f"/extranet/commission/analyses/{analysis.pk}/")
    page.get_by_text("1. Compétences").wait_for()
    assert_no_serious_axe_violations(page)

    # The filter box narrows 300+ skills to the matching ones and opens their theme.
    page.fill("[data-skill-filter]", "pyth")
    page.get_by_text("savoir-faire correspondant").first.wait_for()
    expect(page.locator(f"#skill-{python.pk}")).to_be_visible()
    expect(page.locator(f"#skill-{sql.pk}")).to_be_hidden()
    page.select_option(f"#skill-{python.pk}", "experimente")
    page.fill("[data-skill-filter]", "sql")
    page.select_option(f"#skill-{sql.pk}", "operationnel")

    choose_scale(page, "competence_opinion", 5)
    page.fill("textarea[name=cv_opinion]", "CV très clair.")
    page.click("button[name=draft]")
    page.get_by_text("Brouillon de l'analyse enregistré").wait_for()

    analysis.refresh_from_db()
    assert analysis.state == AnalysisState.DRAFT and analysis.competence_opinion == 5
    assert dict(analysis.skills.values_list("skill__name", "level")) == {"Python": "experimente", "SQL": "operationnel"}

    # Back on the saved draft: finish the four other panels and the proposal.
    assert page.locator(f"#skill-{python.pk}").input_value() == "experimente"
    choose_scale(page, "behaviour_opinion", 4)
    choose_scale(page, "experience_opinion", 6)
    choose_scale(page, "qualification_opinion", 5)
    choose_scale(page, "project_opinion", 6)
    expect(page.locator("select[name=dismissal_reason]")).to_be_hidden()
    page.check("input[name=proposed_classification][value=employable]")
    page.click("button[name=complete]")
    page.get_by_text("Analyse enregistrée (terminée)").wait_for()

    analysis = Analysis.objects.get(pk=analysis.pk)
    assert analysis.state == AnalysisState.COMPLETED
    assert [analysis.behaviour_opinion, analysis.experience_opinion, analysis.project_opinion] == [4, 6, 6]
    assert analysis.cv_opinion == "CV très clair."
    assert analysis.candidate.status.code == "entretien-realise"

    # The synthesis highlights the chosen steps.
    page.goto(f"/extranet/commission/dossiers/{analysis.candidate_id}/")
    chosen = page.locator("tr[data-scale=competence_opinion] td.is-selected")
    assert chosen.inner_text().startswith("Vue d'ensemble approfondie")
    assert_no_serious_axe_violations(page)
