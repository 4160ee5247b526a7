"""Who reaches what, one class per profile: the portfolio's sheets, the training needs and the pool.

Every object route of a sheet or a need (edit, history, usage, delete) answers 404 outside the
user's scope; a screen the profile has no permission for sends back to the dashboard. Roles are
data: renaming every group changes nothing, withdrawing a permission closes exactly its screen.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.sar import perms
from recruitment.sar.models import FollowUpSheet, TrainingNeed
from tests.portal.factories import UserFactory
from tests.recruitment.factories import job
from tests.sar.conftest import login
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory, TrainingNeedFactory, result

pytestmark = pytest.mark.django_db
HOME = reverse("wagtailadmin_home")
POOL = reverse("sar_pool:index")
SHEETS, NEEDS = "sar_sheets", "sar_training_needs"
OBJECT_ROUTES = ("edit", "history", "usage", "delete")


def url(namespace, route, obj=None):
    return reverse(f"{namespace}:{route}", args=[] if obj is None else [obj.pk])


def listed(client, namespace):
    response = client.get(url(namespace, "index"))
    assert response.status_code == 200
    return {obj.pk for obj in response.context["object_list"]}


def exported(client, namespace):
    response = client.get(url(namespace, "index"), {"export": "csv"})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def statuses(client, namespace, obj):
    return {route: client.get(url(namespace, route, obj)).status_code for route in OBJECT_ROUTES}


def withdraw(role, perm):
    app_label, codename = perm.split(".")
    Group.objects.get(name=role.value).permissions.remove(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )


def candidate_routes(sheet):
    """ "Etudier" and a document of the sheet's candidate (reached through the portfolio)."""
    candidate = sheet.candidate
    return [
        reverse("sar_pool:study", args=[candidate.pk]),
        reverse("sar_pool:document", args=[candidate.pk, candidate.candidate_documents.get().pk]),
    ]


@pytest.fixture
def sheet(recruiter):
    """A sheet of company A, created by `recruiter`, for a candidate who sent a CV."""
    return FollowUpSheetFactory(
        company=recruiter.organisation, created_by=recruiter, candidate=PoolCandidateFactory(with_cv=True)
    )


@pytest.fixture
def need(recruiter):
    """A training need of company A."""
    need = TrainingNeedFactory(company=recruiter.organisation, created_by=recruiter, place="Colmar")
    need.jobs.add(job())
    return need


@pytest.fixture
def elsewhere(other_recruiter):
    """Company B's sheet and need."""
    company = other_recruiter.organisation
    return FollowUpSheetFactory(company=company, created_by=other_recruiter), TrainingNeedFactory(company=company)


class TestRecruiterOfCompanyA:
    def test_sheets(self, client, recruiter, sheet, elsewhere):
        login(client, recruiter)
        assert listed(client, SHEETS) == {sheet.pk}
        assert statuses(client, SHEETS, sheet) == {"edit": 200, "history": 200, "usage": 200, "delete": 302}
        assert client.post(url(SHEETS, "delete", sheet)).url == HOME  # no delete permission
        assert FollowUpSheet.objects.filter(pk=sheet.pk).exists()
        csv = exported(client, SHEETS)
        assert sheet.candidate.last_name in csv
        assert elsewhere[0].candidate.last_name not in csv

    def test_training_needs(self, client, recruiter, need, elsewhere):
        login(client, recruiter)
        assert listed(client, NEEDS) == {need.pk}
        assert statuses(client, NEEDS, need) == {"edit": 200, "history": 200, "usage": 200, "delete": 302}
        assert "state" not in client.get(url(NEEDS, "edit", need)).context["form"].fields
        assert "Colmar" in exported(client, NEEDS)

    def test_pool(self, client, recruiter):
        candidate = PoolCandidateFactory()
        response = login(client, recruiter).get(POOL)
        assert {c.pk for c in response.context["candidates"]} == {candidate.pk}

    def test_listings_read_a_bounded_number_of_queries(
        self, client, recruiter, sheet, need, django_assert_max_num_queries
    ):
        for _ in range(5):
            FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter)
            TrainingNeedFactory(company=recruiter.organisation, created_by=recruiter)
            PoolCandidateFactory()
        login(client, recruiter)
        client.get(POOL)  # warm the per-site caches
        with django_assert_max_num_queries(22):
            client.get(url(SHEETS, "index"))
        with django_assert_max_num_queries(15):
            client.get(url(NEEDS, "index"))
        with django_assert_max_num_queries(25):
            client.get(POOL)

    def test_sheets_are_created_by_the_quick_actions_only(self, client, recruiter):
        assert login(client, recruiter).get(url(SHEETS, "add")).status_code == 404


class TestColleagueAtCompanyA:
    def test_shares_the_portfolio_and_the_needs(self, client, colleague, sheet, need):
        login(client, colleague)
        assert listed(client, SHEETS) == {sheet.pk}
        assert statuses(client, SHEETS, sheet) == {"edit": 200, "history": 200, "usage": 200, "delete": 302}
        for target in candidate_routes(sheet):
            assert client.get(target).status_code == 200, target
        response = client.post(
            url(SHEETS, "edit", sheet),
            {"result": result("proposition-en-cours").pk, "comment": "Repris par un collègue"},
        )
        assert response.status_code == 302
        sheet.refresh_from_db()
        assert sheet.comment == "Repris par un collègue"
        assert listed(client, NEEDS) == {need.pk}
        assert client.get(url(NEEDS, "edit", need)).status_code == 200

    def test_a_colleague_sheet_is_not_among_mine(self, client, colleague, sheet):
        response = login(client, colleague).get(url(SHEETS, "index"), {"mine": "true"})
        assert list(response.context["object_list"]) == []


class TestRecruiterOfCompanyB:
    def test_company_a_sheets_are_not_found(self, client, other_recruiter, sheet):
        sheet.candidate.consent.delete()  # out of the pool: reachable only through company A's portfolio
        login(client, other_recruiter)
        assert listed(client, SHEETS) == set()
        assert statuses(client, SHEETS, sheet) == {"edit": 404, "history": 404, "usage": 404, "delete": 404}
        for target in candidate_routes(sheet):
            assert client.get(target).status_code == 404, target
        assert client.post(url(SHEETS, "delete", sheet)).status_code == 404
        assert client.post(url(SHEETS, "edit", sheet), {"result": result("abandon-dossier").pk}).status_code == 404
        sheet.refresh_from_db()
        assert sheet.result.code == "aucun-etude-en-cours"
        assert sheet.candidate.last_name not in exported(client, SHEETS)

    def test_company_a_needs_are_not_found(self, client, other_recruiter, need):
        login(client, other_recruiter)
        assert listed(client, NEEDS) == set()
        assert statuses(client, NEEDS, need) == {"edit": 404, "history": 404, "usage": 404, "delete": 404}
        assert "Colmar" not in exported(client, NEEDS)

    def test_company_a_portfolio_does_not_hide_the_candidate_from_b(self, client, other_recruiter, sheet):
        response = login(client, other_recruiter).get(POOL)
        assert sheet.candidate_id in {c.pk for c in response.context["candidates"]}


class TestTrainingCommission:
    @pytest.fixture
    def adc(self):
        return UserFactory(roles=[Role.TRAINING_COMMISSION])

    def test_no_sheet_and_no_pool(self, client, adc, sheet):
        login(client, adc)
        assert client.get(url(SHEETS, "index")).url == HOME
        assert statuses(client, SHEETS, sheet) == {"edit": 404, "history": 404, "usage": 404, "delete": 404}
        assert client.get(POOL).url == HOME

    def test_every_need_and_its_state(self, client, adc, need, elsewhere):
        login(client, adc)
        assert listed(client, NEEDS) == {need.pk, elsewhere[1].pk}
        assert statuses(client, NEEDS, need) == {"edit": 200, "history": 200, "usage": 200, "delete": 302}
        assert "state" in client.get(url(NEEDS, "edit", need)).context["form"].fields
        assert "Colmar" in exported(client, NEEDS)


class TestEmploymentAdviser:
    def test_nothing(self, client, sheet, need):
        adviser = UserFactory(roles=[Role.EMPLOYMENT_ADVISER], organisation=sheet.candidate.organisation)
        login(client, adviser)
        for namespace, obj in ((SHEETS, sheet), (NEEDS, need)):
            assert client.get(url(namespace, "index")).url == HOME
            assert client.get(url(namespace, "index"), {"export": "csv"}).url == HOME
            assert statuses(client, namespace, obj) == {"edit": 404, "history": 404, "usage": 404, "delete": 404}
        assert client.get(POOL).url == HOME
        for target in candidate_routes(sheet):
            assert client.get(target).url == HOME, target


class TestAdministrator:
    @pytest.fixture
    def administrator(self):
        return UserFactory(roles=[Role.ADMINISTRATOR])

    def test_every_sheet_and_its_deletion(self, client, administrator, sheet, elsewhere):
        login(client, administrator)
        assert listed(client, SHEETS) == {sheet.pk, elsewhere[0].pk}
        assert statuses(client, SHEETS, sheet) == {"edit": 200, "history": 200, "usage": 200, "delete": 200}
        assert elsewhere[0].candidate.last_name in exported(client, SHEETS)
        assert client.post(url(SHEETS, "delete", sheet)).status_code == 302
        assert not FollowUpSheet.objects.filter(pk=sheet.pk).exists()

    def test_every_need_and_its_deletion(self, client, administrator, need, elsewhere):
        login(client, administrator)
        assert listed(client, NEEDS) == {need.pk, elsewhere[1].pk}
        assert statuses(client, NEEDS, need) == {"edit": 200, "history": 200, "usage": 200, "delete": 200}
        client.post(url(NEEDS, "delete", need))
        assert not TrainingNeed.objects.filter(pk=need.pk).exists()

    def test_no_pool_search(self, client, administrator):
        # The pool is searched for a company's portfolio: an administrator has none.
        assert login(client, administrator).get(POOL).url == HOME


class TestAnonymous:
    def test_sent_to_the_login_page(self, client, sheet, need):
        for target in (
            url(SHEETS, "index"),
            *(url(SHEETS, route, sheet) for route in OBJECT_ROUTES),
            url(NEEDS, "index"),
            *(url(NEEDS, route, need) for route in OBJECT_ROUTES),
            POOL,
            *candidate_routes(sheet),
        ):
            response = client.get(target)
            assert response.status_code == 302, target
            assert "login" in response.url, target


class TestRenamedGroups:
    @pytest.fixture
    def adc(self):
        return UserFactory(roles=[Role.TRAINING_COMMISSION], email="adc@exemple.test")

    @pytest.fixture(autouse=True)
    def rename_every_group(self, recruiter, other_recruiter, adc):
        for group in Group.objects.all():
            group.name = f"{group.name} (renommé)"
            group.save()

    def test_recruiters_keep_their_access_and_scope(self, client, recruiter, other_recruiter, sheet, need):
        login(client, recruiter)
        assert client.get(POOL).status_code == 200
        assert listed(client, SHEETS) == {sheet.pk}
        assert listed(client, NEEDS) == {need.pk}
        login(client, other_recruiter)
        assert statuses(client, SHEETS, sheet)["edit"] == 404

    def test_the_commission_still_receives_the_needs_and_gains_nothing(self, client, recruiter, adc, mailoutbox):
        TrainingNeedFactory()
        login(client, adc)
        assert len(listed(client, NEEDS)) == 1
        assert client.get(POOL).url == HOME
        login(client, recruiter).post(
            url(NEEDS, "add"),
            {"jobs": [job().pk], "headcount": 1, "place": "Metz", "wished_start": "2099-01-01"},
        )
        assert [email.to for email in mailoutbox] == [["adc@exemple.test"]]


class TestWithdrawnPermission:
    def test_without_the_pool_permission_the_search_closes(self, client, recruiter, sheet):
        withdraw(Role.COMPANY_RECRUITER, perms.SEARCH_POOL)
        login(client, recruiter)
        assert client.get(POOL).url == HOME
        assert client.get(reverse("sar_pool:study", args=[sheet.candidate_id])).url == HOME
        home = client.get(HOME).content.decode()
        assert "Recherche dans le vivier" not in home and "Vivier de candidats" not in home
        # The portfolio stays open.
        assert listed(client, SHEETS) == {sheet.pk}

    def test_without_the_view_permission_the_portfolio_closes(self, client, recruiter, sheet):
        withdraw(Role.COMPANY_RECRUITER, perms.VIEW_SHEETS)
        withdraw(Role.COMPANY_RECRUITER, "sar.change_followupsheet")
        login(client, recruiter)
        assert client.get(url(SHEETS, "index")).url == HOME
        assert client.get(url(SHEETS, "edit", sheet)).status_code == 404
        assert client.get(POOL).status_code == 200

    def test_without_the_process_permission_the_commission_no_longer_moves_needs(self, client, need):
        adc = UserFactory(roles=[Role.TRAINING_COMMISSION])
        withdraw(Role.TRAINING_COMMISSION, perms.PROCESS_TRAINING_NEEDS)
        form = login(client, adc).get(url(NEEDS, "edit", need)).context["form"]
        assert "state" not in form.fields
