"""'Mes recherches': saving from the pool, sharing within the company, opening, unsubscribing, who gets in."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.accounts.roles import Role
from recruitment.alerts import matching, notifications
from recruitment.alerts.dashboard import recruiter_panel
from recruitment.alerts.enums import AlertFrequency
from recruitment.alerts.models import SavedSearch, SearchMatch
from tests.alerts.factories import SavedSearchFactory
from tests.portal.factories import UserFactory
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory
from tests.sar.fixtures import login

pytestmark = pytest.mark.django_db
INDEX = reverse("saved_searches:index")
ADD = reverse("saved_searches:add")


def test_the_pool_offers_to_save_the_current_search(client, recruiter, alsace):
    login(client, recruiter)
    response = client.get(reverse("sar_pool:index"), {"employment_area": alsace.pk, "p": 1})
    assert f'href="{ADD}?employment_area={alsace.pk}"' in response.content.decode()


def test_saving_a_search_keeps_its_criteria_and_what_was_already_seen(client, recruiter, alsace, lorraine):
    seen = PoolCandidateFactory(employment_area=alsace)
    PoolCandidateFactory(employment_area=lorraine)
    login(client, recruiter)
    query = f"employment_area={alsace.pk}&classification=employable&sort=classified_on&p=2"
    form = client.get(f"{ADD}?{query}")
    page = form.content.decode()
    assert "Bassin d&#x27;emploi" in page and str(alsace) in page and "Employable" in page
    response = client.post(
        ADD,
        {"name": "Développeurs du Bas-Rhin", "frequency": "daily", "criteria": query},
    )
    assert response.status_code == 302
    search = SavedSearch.objects.get()
    assert search.owner == recruiter
    assert search.query == {"classification": ["employable"], "employment_area": [str(alsace.pk)]}
    assert search.frequency == AlertFrequency.DAILY and search.shared is False
    assert list(SearchMatch.objects.filter(search=search).values_list("candidate_id", "known")) == [(seen.pk, True)]


def test_opening_a_search_shows_the_pool_with_its_criteria_and_makes_its_news_known(client, recruiter, alsace):
    search = SavedSearchFactory(owner=recruiter, query={"employment_area": [str(alsace.pk)]})
    PoolCandidateFactory(employment_area=alsace)
    matching.refresh(search)
    assert recruiter_panel(recruiter).items[0].count == 1
    login(client, recruiter)
    response = client.get(reverse("saved_searches:open", args=[search.pk]))
    assert response["Location"] == f"{reverse('sar_pool:index')}?employment_area={alsace.pk}"
    assert recruiter_panel(recruiter).items[0].count == 0


def test_a_shared_search_is_opened_by_colleagues_never_changed(client, recruiter, colleague, company_b, alsace):
    shared = SavedSearchFactory(
        owner=recruiter, name="Partagée", query={"employment_area": [str(alsace.pk)]}, shared=True
    )
    private = SavedSearchFactory(owner=recruiter, name="Personnelle")
    login(client, colleague)
    listing = client.get(INDEX).content.decode()
    assert "Partagée" in listing and "Personnelle" not in listing
    assert client.get(reverse("saved_searches:open", args=[shared.pk])).status_code == 302
    assert client.get(reverse("saved_searches:open", args=[private.pk])).status_code == 404
    for action in ("edit", "delete"):
        assert client.get(reverse(f"saved_searches:{action}", args=[shared.pk])).status_code == 404
    assert client.post(reverse("saved_searches:delete", args=[shared.pk])).status_code == 404
    assert SavedSearch.objects.filter(pk=shared.pk).exists()
    # Opening it does not make the owner's new candidates known.
    PoolCandidateFactory(employment_area=alsace)
    matching.refresh(shared)
    client.get(reverse("saved_searches:open", args=[shared.pk]))
    assert SearchMatch.objects.filter(search=shared, known=False).count() == 1
    # Another company sees nothing of it.
    client.logout()
    login(client, company_b[1])
    assert "Partagée" not in client.get(INDEX).content.decode()
    assert client.get(reverse("saved_searches:open", args=[shared.pk])).status_code == 404
    assert client.get(reverse("saved_searches:edit", args=[shared.pk])).status_code == 404


def test_the_owner_edits_frequency_and_sharing(client, recruiter, alsace):
    search = SavedSearchFactory(owner=recruiter, query={"employment_area": [str(alsace.pk)]})
    login(client, recruiter)
    url = reverse("saved_searches:edit", args=[search.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"name": "Renommée", "frequency": "weekly", "shared": "on", "criteria": f"employment_area={alsace.pk}"}
    )
    assert response.status_code == 302
    search.refresh_from_db()
    assert (search.name, search.frequency, search.shared) == ("Renommée", "weekly", True)
    assert search.query == {"employment_area": [str(alsace.pk)]}


@pytest.mark.parametrize("role", [Role.EMPLOYMENT_ADVISER, Role.SESSION_PILOT, Role.TRAINING_COMMISSION, Role.EDITOR])
def test_mes_recherches_is_closed_to_other_roles(client, role, recruiter):
    search = SavedSearchFactory(owner=recruiter)
    other = UserFactory(roles=[role], organisation=recruiter.organisation)
    login(client, other)
    for url in (INDEX, ADD, reverse("saved_searches:open", args=[search.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert response.status_code != 302 or response["Location"] == "/extranet/", url
    assert "Mes recherches" not in client.get("/extranet/").content.decode()


def test_the_superuser_outside_any_company_has_no_searches(client, admin_user, recruiter):
    SavedSearchFactory(owner=recruiter)
    client.force_login(admin_user)
    response = client.get(INDEX)
    assert response.status_code == 302 and response["Location"] == "/extranet/"


def test_unsubscribe_asks_then_stops_the_alerts(client, recruiter, alsace, mailoutbox):
    search = SavedSearchFactory(owner=recruiter, query={"employment_area": [str(alsace.pk)]})
    url = notifications.unsubscribe_url(search)
    page = client.get(url)
    assert page.status_code == 200
    assert "Ne plus recevoir ces alertes" in page.content.decode()
    search.refresh_from_db()
    assert search.frequency == AlertFrequency.DAILY  # a link scanner unsubscribes nobody
    done = client.post(url)
    assert "vous ne recevrez plus d'alerte" in done.content.decode()
    search.refresh_from_db()
    assert search.frequency == AlertFrequency.NONE
    PoolCandidateFactory(employment_area=alsace)
    assert notifications.send_alerts() == 0


def test_a_tampered_unsubscribe_link_is_refused(client, recruiter):
    search = SavedSearchFactory(owner=recruiter)
    token = notifications.unsubscribe_token(search)
    assert client.get(reverse("alerts:unsubscribe", args=[token[:-2] + "xx"])).status_code == 404
    search.delete()
    assert client.get(reverse("alerts:unsubscribe", args=[token])).status_code == 404


def test_the_dashboard_panel_in_two_queries(recruiter, colleague, alsace, lorraine, django_assert_max_num_queries):
    today = date(2026, 12, 9)  # a Wednesday
    searches = [
        SavedSearchFactory(owner=recruiter, name="Alsace", query={"employment_area": [str(alsace.pk)]}),
        SavedSearchFactory(owner=recruiter, name="Lorraine", query={"employment_area": [str(lorraine.pk)]}),
        SavedSearchFactory(owner=recruiter, name="Tout le vivier"),
    ]
    SavedSearchFactory(owner=colleague, name="Du collègue", shared=True)
    PoolCandidateFactory(employment_area=alsace)
    for search in searches:
        matching.refresh(search)
    company = recruiter.organisation
    FollowUpSheetFactory(company=company, created_by=recruiter, due_on=today - timedelta(days=1))  # overdue
    FollowUpSheetFactory(company=company, created_by=recruiter, due_on=today)  # due today: this week
    FollowUpSheetFactory(company=company, created_by=recruiter, due_on=date(2026, 12, 13))  # Sunday
    FollowUpSheetFactory(company=company, created_by=recruiter, due_on=date(2026, 12, 14))  # next Monday
    FollowUpSheetFactory(company=company, created_by=colleague, due_on=today)  # the colleague's
    recruiter.has_perm("sar.search_pool")  # the request has loaded the user's permissions already
    with django_assert_max_num_queries(2):
        panel = recruiter_panel(recruiter, today=today)
    counts = {item.label: item.count for item in panel.items}
    assert counts == {  # the overdue sheet: counted by the sheets' panel only (below)
        "Nouveaux candidats de mes recherches": 2,
        "Fiches à mettre à jour cette semaine": 2,
    }
    assert [link.label for link in panel.links] == ["Alsace", "Tout le vivier"]
    assert "due_before=2026-12-14" in panel.items[1].url


def test_the_recruiter_dashboard_shows_new_candidates_this_week_and_overdue_once(client, recruiter, alsace):
    """Issue #18's three figures: this panel's two, then the overdue sheets in the sheets' panel alone."""
    search = SavedSearchFactory(owner=recruiter, query={"employment_area": [str(alsace.pk)]})
    PoolCandidateFactory(employment_area=alsace)
    matching.refresh(search)
    company = recruiter.organisation
    FollowUpSheetFactory(company=company, created_by=recruiter, overdue=True)
    FollowUpSheetFactory(company=company, created_by=recruiter, due_on=timezone.localdate())  # due today
    login(client, recruiter)
    page = client.get("/extranet/").content.decode()
    assert "Mes recherches et mes échéances" in page and "Mes fiches de suivi à mettre à jour" in page
    counts = re.findall(r'data-testid="todo-count">(\d+)</span> <span class="nege-todo__label">([^<]+)<', page)
    assert [(label, int(count)) for count, label in counts if "andidats" in label or "iches" in label] == [
        ("Mes fiches dépassées", 1),
        ("Nouveaux candidats de mes recherches", 1),
        ("Fiches à mettre à jour cette semaine", 1),
    ]
