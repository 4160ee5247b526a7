"""A company recruiter saves a pool search, the worker finds a new candidate and queues the alert; the
recruiter unsubscribes from the e-mail's link, then opens the saved search ranked by fit and studies the new
candidate, whose synthesis is drawn as a radar. axe on every new screen."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portal.mail.models import OutgoingEmail
from recruitment.alerts import notifications
from recruitment.alerts.models import SavedSearch
from tests.browser.conftest import assert_no_serious_axe_violations
from tests.portal.factories import PASSWORD
from tests.recruitment.factories import area
from tests.sar.factories import PoolCandidateFactory, analysed, company_with_recruiters

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recruiter_saves_a_search_and_gets_the_alert(page, live_server, settings):
    settings.BASE_URL = live_server.url
    company, (recruiter,) = company_with_recruiters(1)
    alsace = area("Alsace / Bas-Rhin")
    PoolCandidateFactory(last_name="DEJAVU", employment_area=alsace)

    page.goto("/extranet/login/")
    page.fill("input[name=username]", recruiter.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/extranet/")

    page.goto("/extranet/recrutements/vivier/")
    page.check(f"input[name=employment_area][value='{alsace.pk}']")
    page.click("button:has-text('Rechercher')")
    page.wait_for_url("**employment_area=*")
    page.get_by_role("link", name="Enregistrer cette recherche").click()
    page.wait_for_url("**/mes-recherches/new/**")
    expect(page.locator("main")).to_contain_text("Alsace / Bas-Rhin")
    assert_no_serious_axe_violations(page)
    page.fill("input[name=name]", "Bas-Rhin")
    page.select_option("select[name=frequency]", "daily")
    page.get_by_role("button", name="Enregistrer la recherche").click()
    page.wait_for_url("**/mes-recherches/")
    expect(page.locator("table.listing")).to_contain_text("Bas-Rhin")
    assert_no_serious_axe_violations(page)
    search = SavedSearch.objects.get(owner=recruiter)
    assert search.query == {"employment_area": [str(alsace.pk)]}

    newcomer = PoolCandidateFactory(last_name="NOUVEAU", first_name="Léa", employment_area=alsace)
    analysed(newcomer, details=True)
    assert notifications.send_alerts(timezone.now()) == 1
    email = OutgoingEmail.objects.get(to=[recruiter.email])
    assert "Léa NOUVEAU" in email.body_text and "DEJAVU" not in email.body_text

    # The alert made it known: the dashboard's panel has nothing new, its sheets' counts are there.
    page.goto("/extranet/")
    panel = page.locator("section", has=page.get_by_role("heading", name="Mes recherches et mes échéances"))
    assert "0 Nouveaux candidats de mes recherches" in " ".join(panel.inner_text().split())
    assert_no_serious_axe_violations(page)

    page.goto(notifications.unsubscribe_url(search))
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Ne plus recevoir ces alertes").click()
    expect(page.locator("[role=status]")).to_contain_text("vous ne recevrez plus d'alerte")
    search.refresh_from_db()
    assert search.frequency == "none"

    # From the saved search to its ranking by fit, then to the newcomer's synthesis and its radar.
    page.goto("/extranet/recrutements/mes-recherches/")
    page.get_by_role("link", name="Ouvrir dans le vivier").first.click()
    page.wait_for_url("**/vivier/?*employment_area=*")
    page.get_by_role("link", name="Classer par adéquation à un besoin").click()
    page.wait_for_url("**/vivier/adequation/?*employment_area=*")
    page.click("button:has-text('Classer')")
    page.wait_for_url("**fit_area=*")
    rows = page.locator("table.sar-ranking tbody tr")
    rows.first.wait_for()
    assert rows.count() == 2
    rows.filter(has_text="NOUVEAU").get_by_role("link", name="Etudier").click()
    page.wait_for_url("**/candidats/*/")
    radar = page.locator("svg.nege-radar")
    radar.scroll_into_view_if_needed()
    expect(radar).to_be_visible()
    assert radar.locator("circle.nege-radar__dot").count() == 5
