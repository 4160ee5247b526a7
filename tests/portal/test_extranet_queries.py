"""The extranet frame stays light (issue: speed): every role's dashboard within 10 warm queries, with work
waiting on it; a plain screen costs the frame alone; the cached permissions, menu and counters follow
every change at the next request."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission

from membership.wagtail_hooks import PANEL_PENDING_READ
from portal import frame
from portal.accounts.roles import Role
from recruitment.commission import dashboard as commission_dashboard
from recruitment.sar import dashboard as sar_dashboard
from tests.commission.factories import AnalysisFactory, SessionFactory, recruiter
from tests.membership.factories import MembershipApplicationFactory
from tests.news.factories import NewsPageFactory
from tests.portal.factories import UserFactory
from tests.portal.page_factories import ContentPageFactory
from tests.recruitment.factories import CandidateFactory, partner_with_adviser
from tests.sar.factories import FollowUpSheetFactory, TrainingNeedFactory, company_with_recruiters

pytestmark = pytest.mark.django_db

DASHBOARD_BUDGET = 10
FRAME_BUDGET = 5  # session, user and profile, Wagtail's locales; the screen's own two queries
HOME = "/extranet/"


def warm_dashboard(client, user, django_assert_max_num_queries, budget=DASHBOARD_BUDGET):
    """The dashboard a second time (caches warm), within the budget; its HTML."""
    client.force_login(user)
    assert client.get(HOME).status_code == 200
    with django_assert_max_num_queries(budget):
        response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def menu_names(html):
    """Names of the sidebar's menu entries (submenus included), from Wagtail's sidebar props."""
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    names = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("name"), str):
                names.add(node["name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return names


def edited_by(user):
    """Two pages the user edited: their "recent edits" panel has rows."""
    for slug in ("qui-sommes-nous", "nos-actions"):
        page = ContentPageFactory(title=slug.replace("-", " ").capitalize(), slug=slug)
        page.save_revision(user=user, log_action=True)


@pytest.fixture
def news():
    NewsPageFactory.create_batch(3, internal=True)
    NewsPageFactory.create_batch(3)


@pytest.fixture
def next_session():
    today = timezone.localdate()
    session = SessionFactory(date=today + timedelta(days=7))
    AnalysisFactory.create_batch(4, session=session)
    AnalysisFactory(session=session, completed=True)
    return session


class TestDashboardWithinBudget:
    def test_employment_adviser(self, client, news, django_assert_max_num_queries):
        organisation, adviser = partner_with_adviser()
        CandidateFactory.create_batch(4, organisation=organisation)
        html = warm_dashboard(client, adviser, django_assert_max_num_queries)
        assert "Dossiers à compléter" in html

    def test_session_pilot(self, client, news, next_session, django_assert_max_num_queries):
        user = next_session.pilot
        html = warm_dashboard(client, user, django_assert_max_num_queries)
        assert "Prochaine session" in html and "Analyses à terminer" in html

    def test_advisory_recruiter(self, client, news, next_session, django_assert_max_num_queries):
        user = recruiter()
        next_session.recruiters.add(user)
        html = warm_dashboard(client, user, django_assert_max_num_queries)
        assert "Prochaine session" in html

    def test_training_commission(self, client, news, django_assert_max_num_queries):
        TrainingNeedFactory.create_batch(3)
        html = warm_dashboard(client, UserFactory(roles=[Role.TRAINING_COMMISSION]), django_assert_max_num_queries)
        assert "Besoins à prendre en charge" in html

    def test_company_recruiter(self, client, news, django_assert_max_num_queries):
        company, (user,) = company_with_recruiters(1)
        for _ in range(3):
            FollowUpSheetFactory(company=company, created_by=user, overdue=True)
        html = warm_dashboard(client, user, django_assert_max_num_queries)
        assert "Fiches arrivées à échéance" in html
        # Issue #18's three figures, the overdue sheets in one panel only (recruitment.sar.dashboard).
        assert "Nouveaux candidats de mes recherches" in html and "Fiches à mettre à jour cette semaine" in html
        assert html.count("fiches dépassées") + html.count("Fiches dépassées") == 1

    def test_president(self, client, news, django_assert_max_num_queries):
        MembershipApplicationFactory.create_batch(2)
        MembershipApplicationFactory(overdue=True)
        html = warm_dashboard(client, UserFactory(roles=[Role.PRESIDENT]), django_assert_max_num_queries)
        assert "adhésion" in html.lower()

    def test_administrator(self, client, news, next_session, django_assert_max_num_queries):
        MembershipApplicationFactory(overdue=True)
        TrainingNeedFactory()
        user = UserFactory(roles=[Role.ADMINISTRATOR])
        edited_by(user)
        html = warm_dashboard(client, user, django_assert_max_num_queries)
        assert 'id="recent-edits-section"' in html and "Prochaine session" in html

    def test_superuser(self, client, news, next_session, django_assert_max_num_queries):
        MembershipApplicationFactory(overdue=True)
        user = UserFactory(administrator=True, roles=[Role.ADMINISTRATOR])
        edited_by(user)
        html = warm_dashboard(client, user, django_assert_max_num_queries)
        assert 'id="recent-edits-section"' in html and "Prochaine session" in html

    def test_editor(self, client, news, django_assert_max_num_queries):
        user = UserFactory(roles=[Role.EDITOR])
        edited_by(user)
        html = warm_dashboard(client, user, django_assert_max_num_queries)
        assert 'class="w-summary__list"' in html  # the library counters stay
        assert 'id="recent-edits-section"' in html


@pytest.mark.parametrize(
    "roles", [[Role.EMPLOYMENT_ADVISER], [Role.COMPANY_RECRUITER], [Role.EDITOR], [Role.ADMINISTRATOR]]
)
def test_a_plain_screen_costs_the_frame_alone(client, roles, django_assert_max_num_queries):
    """The frame (session, user, menu and its permissions) costs three queries; this listing adds two."""
    user = UserFactory(roles=roles)
    client.force_login(user)
    url = reverse("news_informations:index")
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(FRAME_BUDGET):
        assert client.get(url).status_code == 200


class TestCachedPermissionsFollowChanges:
    def test_a_permission_given_to_the_role_shows_its_menu_at_the_next_request(self, client):
        user = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        client.force_login(user)
        before = menu_names(client.get(HOME).content.decode())
        assert "help" not in before
        Group.objects.get(name=Role.EMPLOYMENT_ADVISER.value).permissions.add(
            Permission.objects.get(codename="view_technical_menus")
        )
        assert "help" in menu_names(client.get(HOME).content.decode())

    def test_a_user_taken_out_of_the_role_loses_its_screens_at_once(self, client):
        organisation, adviser = partner_with_adviser()
        client.force_login(adviser)
        listing = reverse("recruitment_dossiers:index")
        assert client.get(listing).status_code == 200
        adviser.groups.clear()
        assert client.get(listing).status_code in (302, 403)

    def test_a_superuser_flag_is_never_taken_from_a_stale_snapshot(self, client):
        user = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        client.force_login(user)
        assert "settings" not in menu_names(client.get(HOME).content.decode())
        type(user).objects.filter(pk=user.pk).update(is_superuser=True)  # no signal: the row itself says so
        assert "settings" in menu_names(client.get(HOME).content.decode())

    def test_permissions_saved_without_signal_after_the_group_are_seen_once_the_request_ends(self):
        """Wagtail's group screen saves the group, then its collection permissions with bulk_create."""
        editor = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        group = Group.objects.get(name=Role.EMPLOYMENT_ADVISER.value)
        permission = Permission.objects.get(content_type__app_label="wagtailimages", codename="add_image")
        frame.request_started()  # the receivers of Django's request signals (sending those closes the connection)
        group.save()
        GroupCollectionPermission.objects.bulk_create(
            [GroupCollectionPermission(group=group, collection=Collection.get_first_root_node(), permission=permission)]
        )
        frame.prime_permissions(type(editor).objects.get(pk=editor.pk))  # another request, in between
        frame.request_finished()
        fresh = type(editor).objects.get(pk=editor.pk)
        frame.prime_permissions(fresh)
        assert [p.permission.codename for p in fresh._collection_permission_cache] == ["add_image"]

    def test_a_role_given_without_signal_is_seen_once_the_version_is_renewed(self):
        """A raw insert (no signal) leaves the snapshot stale until its time-out, `renew_version` or `setup_roles`."""
        user = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        frame.prime_permissions(type(user).objects.get(pk=user.pk))
        group = Group.objects.get(name=Role.EDITOR.value)
        type(user).groups.through.objects.bulk_create([type(user).groups.through(user=user, group=group)])

        def may_add_pages():
            fresh = type(user).objects.get(pk=user.pk)
            frame.prime_permissions(fresh)
            return any(perm.permission.codename == "add_page" for perm in fresh._page_permission_cache)

        assert not may_add_pages()  # stale: the frame saw no change
        call_command("setup_roles", verbosity=0)
        assert may_add_pages()
        type(user).groups.through.objects.filter(user=user, group=group).delete()
        assert may_add_pages()  # stale again
        frame.renew_version()  # what the README tells operators to run
        assert not may_add_pages()

    def test_a_second_request_reads_the_permissions_from_the_cache(self, client, django_assert_max_num_queries):
        user = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        first = type(user).objects.get(pk=user.pk)
        assert frame.prime_permissions(first) is True  # taken
        second = type(user).objects.get(pk=user.pk)
        with django_assert_max_num_queries(0):
            assert frame.prime_permissions(second) is False
            assert second.has_perm("recruitment.add_candidate") == first.has_perm("recruitment.add_candidate")


class TestCachedCountersFollowChanges:
    def test_the_editor_page_counter_follows_a_new_page(self, client):
        user = UserFactory(roles=[Role.EDITOR])
        client.force_login(user)

        def pages_counted():
            html = client.get(HOME).content.decode()
            return int(re.search(r'href="/extranet/pages/\d+/">\s*(\d+)\s*Page', html).group(1))

        before = pages_counted()
        ContentPageFactory(title="Nouvelle page", slug="nouvelle-page")
        assert pages_counted() == before + 1

    def test_the_latest_news_follow_a_publication(self, client, news):
        organisation, adviser = partner_with_adviser()
        client.force_login(adviser)
        assert "Assemblée générale 2027" not in client.get(HOME).content.decode()
        NewsPageFactory(title="Assemblée générale 2027", internal=True, date=timezone.localdate() + timedelta(days=1))
        assert "Assemblée générale 2027" in client.get(HOME).content.decode()

    def test_the_recent_edits_stay_for_editors_and_never_reach_business_users(self, client):
        editor = UserFactory(roles=[Role.EDITOR])
        page = ContentPageFactory(title="Qui sommes-nous", slug="qui-sommes-nous")
        page.save_revision(user=editor, log_action=True)
        client.force_login(editor)
        assert 'id="recent-edits-section"' in client.get(HOME).content.decode()
        organisation, adviser = partner_with_adviser()
        client.force_login(adviser)
        assert 'id="recent-edits-section"' not in client.get(HOME).content.decode()


class TestCountsBeyondTheListedRows:
    """The panels count from the rows they list; past the listed number, a count query takes over."""

    def test_more_overdue_sheets_than_listed(self):
        company, (user,) = company_with_recruiters(1)
        for _ in range(sar_dashboard.LISTED_SHEETS + 1):
            FollowUpSheetFactory(company=company, created_by=user, overdue=True)
        panel = sar_dashboard.recruiter_panel(user)
        assert panel.items[0].count == sar_dashboard.LISTED_SHEETS + 1
        assert len(panel.links) == sar_dashboard.LISTED_SHEETS

    def test_a_session_larger_than_its_list(self, next_session):
        AnalysisFactory.create_batch(
            commission_dashboard.LISTED_DOSSIERS - 5, session=next_session
        )  # 15 in all: a full list
        panel = commission_dashboard.session_panel(next_session.pilot)
        counts = {item.label: item.count for item in panel.items}
        total = commission_dashboard.LISTED_DOSSIERS
        assert counts == {"Dossiers de la session": total, "Analyses à terminer": total - 1}
        AnalysisFactory(session=next_session)
        counts = {item.label: item.count for item in commission_dashboard.session_panel(next_session.pilot).items}
        assert counts == {"Dossiers de la session": total + 1, "Analyses à terminer": total}
        assert len(commission_dashboard.session_panel(next_session.pilot).links) == total

    def test_more_pending_applications_than_read_at_once(self, client):
        MembershipApplicationFactory.create_batch(PANEL_PENDING_READ - 1)
        MembershipApplicationFactory.create_batch(2, overdue=True)  # the oldest: read first
        client.force_login(UserFactory(roles=[Role.PRESIDENT]))
        context = client.get(HOME).context
        panel = next(p for p in context["panels"] if getattr(p, "name", "") == "membership_applications")
        assert (panel.pending_count, panel.overdue_count, len(panel.overdue)) == (PANEL_PENDING_READ + 1, 2, 2)
