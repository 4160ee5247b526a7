"""Extranet listings and the analysis laid out for the screens they are used on (real browser):
the portfolio and the dossier search whole at 1366 px, the analysis and its synthesis at 1024 px."""

import pytest
from playwright.sync_api import expect

from portal.accounts.roles import Role
from tests.browser.test_commission import login
from tests.commission.factories import AnalysisFactory, SessionFactory, pilot, recruiter
from tests.portal.factories import UserFactory
from tests.recruitment.factories import CandidateFactory, partner_with_adviser
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory, company_with_recruiters

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def right_edge(page, selector):
    return page.locator(selector).first.evaluate("el => el.getBoundingClientRect().right")


def test_portfolio_and_dossier_search_fit_a_1366_screen(page):
    company, (user,) = company_with_recruiters(1)
    for last_name in ("VOISIN", "TOUSSAINT-LEFEBVRE"):
        FollowUpSheetFactory(
            company=company,
            created_by=user,
            candidate=PoolCandidateFactory(last_name=last_name, first_name="Geneviève"),
        )
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, user)
    page.goto("/extranet/recrutements/portefeuille/")
    assert right_edge(page, "table.listing thead th:last-child") <= 1366
    name_cell = page.locator("td.sar-col-name").first
    assert name_cell.evaluate("el => el.getBoundingClientRect().width") >= 150  # a name is never squeezed
    assert "Lorraine" not in name_cell.inner_text() and "Alsace" not in name_cell.inner_text()

    organisation, adviser = partner_with_adviser(name="Partenaire Emploi A – Agence Emploi Strasbourg Centre")
    CandidateFactory.create_batch(3, organisation=organisation)
    page.context.clear_cookies()
    login(page, adviser)
    page.goto("/extranet/recrutement/dossiers/")
    assert right_edge(page, "table.listing thead th:last-child") <= 1366  # "Modifié le" not cut
    organisation_cell = page.locator(".dossier-abbreviated").first
    assert organisation_cell.get_attribute("title") == organisation.name


def test_analysis_and_synthesis_on_a_1024_tablet(page):
    the_recruiter = recruiter()
    analysis = AnalysisFactory(session=SessionFactory(recruiters=[the_recruiter]), completed=True)
    page.set_viewport_size({"width": 1024, "height": 768})
    login(page, the_recruiter)
    page.goto(f"/extranet/commission/analyses/{analysis.pk}/")
    page.get_by_text("1. Compétences").first.wait_for()
    # The save bar is within reach from the top of the page.
    bar = page.locator(".commission-actions")
    box = bar.bounding_box()
    assert box and box["y"] + box["height"] <= 768
    expect(page.locator(".commission-actions button[name=draft]")).to_be_visible()
    # The five parts collapse.
    volets = page.locator("details[data-volet]")
    assert volets.count() == 6
    volets.first.locator(":scope > summary").click()
    expect(page.locator("#skill-filter")).to_be_hidden()
    volets.first.locator(":scope > summary").click()
    assert right_edge(page, "#skill-filter") <= right_edge(page, "#volet-competences")  # no overflow

    user = pilot()
    page.context.clear_cookies()
    login(page, user)
    page.goto(f"/extranet/commission/dossiers/{analysis.candidate_id}/")
    header = page.locator("table.commission-scale thead th", has_text="Avis retenu")
    assert right_edge(page, "table.commission-scale thead th:last-child") <= 1024
    expect(header).to_be_visible()
    assert right_edge(page, "table.commission-scale") <= right_edge(page, ".commission-scale-wrapper") + 1


def test_sidebar_labels_are_not_cut(page):
    user = UserFactory(roles=[Role.EMPLOYMENT_ADVISER], organisation=partner_with_adviser()[0])
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, user)
    for label in page.locator(".sidebar-menu-item__link .menuitem-label").all():
        assert label.evaluate("el => el.scrollWidth <= el.clientWidth"), label.inner_text()
