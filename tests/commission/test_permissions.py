"""Who reaches which commission screen: one class per permission profile, every check on the server.

Sessions and PIADC screens (list, edit, history, delete) and the analysis, debriefing and statistics
views; an object outside the user's scope answers 404. Access follows Django permissions, never
group names: renaming every group changes nothing, removing a permission closes its screen.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.forms.models import apply_limit_choices_to_to_formfield
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.commission.models import Analysis, Session
from tests.portal.factories import OrganisationFactory, UserFactory
from tests.recruitment.factories import partner_with_adviser

from .factories import AnalysisFactory, SessionFactory, TrainingPlanFactory, eligible_candidate, pilot, recruiter
from .helpers import FULL_OPINIONS, analysis_data, assert_denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    organisation, adviser = partner_with_adviser()
    the_recruiter = recruiter()
    session = SessionFactory(partners=[organisation], recruiters=[the_recruiter])
    candidate = eligible_candidate(organisation=organisation, organisation_contact=adviser)
    analysis = AnalysisFactory(session=session, candidate=candidate, completed=True, details=True)
    plan = TrainingPlanFactory(candidate=candidate)
    other_analysis = AnalysisFactory()  # another session, another partner's dossier
    return {
        "organisation": organisation,
        "adviser": adviser,
        "recruiter": the_recruiter,
        "session": session,
        "analysis": analysis,
        "candidate": candidate,
        "plan": plan,
        "other_session": other_analysis.session,
        "other_analysis": other_analysis,
        "other_plan": TrainingPlanFactory(candidate=other_analysis.candidate),
    }


def session_screens(session):
    return {
        "list": reverse("commission_sessions:index"),
        "edit": reverse("commission_sessions:edit", args=[session.pk]),
        "history": reverse("commission_sessions:history", args=[session.pk]),
        "delete": reverse("commission_sessions:delete", args=[session.pk]),
    }


def plan_screens(plan):
    return {
        "list": reverse("commission_plans:index"),
        "edit": reverse("commission_plans:edit", args=[plan.pk]),
        "history": reverse("commission_plans:history", args=[plan.pk]),
        "delete": reverse("commission_plans:delete", args=[plan.pk]),
    }


def commission_views(w):
    return {
        "analysis": reverse("commission:analysis", args=[w["analysis"].pk]),
        "debriefing": reverse("commission:debriefing", args=[w["session"].pk]),
        "statistics": reverse("commission:statistics"),
    }


def every_route(w):
    s, a, c = w["session"].pk, w["analysis"].pk, w["candidate"].pk
    return [
        *session_screens(w["session"]).values(),
        *plan_screens(w["plan"]).values(),
        *commission_views(w).values(),
        reverse("commission_sessions:add"),
        reverse("commission:session", args=[s]),
        reverse("commission:publish", args=[s]),
        reverse("commission:classify", args=[a]),
        reverse("commission:dossier", args=[c]),
        reverse("commission:dossiers"),
        reverse("commission:statistics") + "?format=csv",
        reverse("commission_plans:add"),
    ]


def offered(field_name):
    """The users the session form offers for this field (its `limit_choices_to` applied)."""
    form_field = Session._meta.get_field(field_name).formfield()
    apply_limit_choices_to_to_formfield(form_field)
    return form_field.queryset


def status(client, url):
    return client.get(url).status_code


def assert_open(client, urls):
    for url in urls:
        assert status(client, url) == 200, url


def assert_closed(client, urls):
    for url in urls:
        assert_denied(client.get(url))


def assert_not_found(client, urls):
    for url in urls:
        assert status(client, url) == 404, url


class TestSessionPilot:
    @pytest.fixture
    def user(self, client):
        user = pilot()
        client.force_login(user)
        return user

    def test_session_screens_and_commission_views_are_open(self, client, user, world):
        assert_open(client, [*session_screens(SessionFactory()).values(), *commission_views(world).values()])
        assert_open(client, [reverse("commission:classify", args=[world["analysis"].pk])])

    def test_every_session_is_in_scope(self, client, user, world):
        body = client.get(reverse("commission_sessions:index")).content.decode()
        assert reverse("commission:session", args=[world["other_session"].pk]) in body
        assert_open(client, [reverse("commission_sessions:edit", args=[world["other_session"].pk])])

    def test_reads_the_piadc_but_does_not_change_them(self, client, user, world):
        screens = plan_screens(world["plan"])
        assert_open(client, [screens["list"]])
        assert_closed(client, [screens["edit"], screens["history"], screens["delete"]])

    def test_reaches_every_commission_screen(self, client, user, world):
        for route in every_route(world):
            if "delete" in route or "publication" in route or "piadc" in route:
                continue
            assert client.get(route).status_code == 200, route


class TestAdvisoryRecruiter:
    @pytest.fixture
    def user(self, client, world):
        client.force_login(world["recruiter"])
        return world["recruiter"]

    def test_lists_own_sessions_only(self, client, user, world):
        body = client.get(reverse("commission_sessions:index")).content.decode()
        assert reverse("commission:session", args=[world["session"].pk]) in body
        assert reverse("commission:session", args=[world["other_session"].pk]) not in body

    def test_cannot_change_sessions(self, client, user, world):
        screens = session_screens(world["session"])
        assert_closed(client, [screens["edit"], screens["history"], screens["delete"]])
        assert_closed(client, [reverse("commission_sessions:add")])

    def test_outside_the_scope_is_404(self, client, user, world):
        other = world["other_session"]
        assert_not_found(client, [*list(session_screens(other).values())[1:]])
        assert_not_found(client, [reverse("commission:session", args=[other.pk])])
        assert_not_found(client, [reverse("commission:analysis", args=[world["other_analysis"].pk])])

    def test_edits_analyses_of_own_sessions_only(self, client, user, world):
        assert_open(client, [reverse("commission:session", args=[world["session"].pk])])
        assert_open(client, [commission_views(world)["analysis"]])

    def test_another_recruiters_analysis_is_read_only(self, client, world):
        colleague = recruiter()
        world["session"].recruiters.add(colleague)
        analysis = world["analysis"]
        analysis.recruiter = world["recruiter"]
        analysis.save()
        client.force_login(colleague)
        assert_denied(client.post(reverse("commission:analysis", args=[analysis.pk]), analysis_data(**FULL_OPINIONS)))

    def test_no_debriefing_statistics_piadc_nor_session_management(self, client, user, world):
        views = commission_views(world)
        assert_closed(client, [views["debriefing"], views["statistics"], plan_screens(world["plan"])["list"]])
        assert_denied(client.post(reverse("commission:session", args=[world["session"].pk]), {"candidates": []}))
        assert_denied(client.post(reverse("commission:publish", args=[world["session"].pk])))
        assert_closed(client, [reverse("commission:classify", args=[world["analysis"].pk])])


class TestTrainingCommission:
    @pytest.fixture
    def user(self, client):
        user = UserFactory(roles=[Role.TRAINING_COMMISSION])
        client.force_login(user)
        return user

    def test_piadc_screens_are_open_for_every_plan(self, client, user, world):
        assert_open(client, plan_screens(world["plan"]).values())
        assert_open(client, [reverse("commission_plans:edit", args=[world["other_plan"].pk])])
        assert_open(client, [reverse("commission:dossier", args=[world["candidate"].pk])])

    def test_sessions_analyses_debriefing_statistics_are_closed(self, client, user, world):
        screens = session_screens(world["session"])
        assert_closed(client, [screens["list"], reverse("commission_sessions:add"), *commission_views(world).values()])
        # Sessions are outside their scope altogether.
        assert_not_found(client, [screens["edit"], screens["history"], screens["delete"]])


class TestEmploymentAdviser:
    @pytest.fixture
    def user(self, client, world):
        client.force_login(world["adviser"])
        return world["adviser"]

    def test_lists_the_piadc_of_own_dossiers_only(self, client, user, world):
        listing = client.get(reverse("commission_plans:index")).content.decode()
        assert world["candidate"].last_name in listing
        assert world["other_plan"].candidate.last_name not in listing

    def test_cannot_change_a_piadc(self, client, user, world):
        screens = plan_screens(world["plan"])
        assert_closed(client, [screens["edit"], screens["history"], screens["delete"]])
        assert_not_found(client, [reverse("commission_plans:edit", args=[world["other_plan"].pk])])

    def test_sessions_analyses_and_statistics_are_closed(self, client, user, world):
        analysis = world["analysis"]
        assert_closed(client, [session_screens(world["session"])["list"], *commission_views(world).values()])
        assert_denied(
            client.post(reverse("commission:analysis", args=[analysis.pk]), analysis_data(competence_opinion="1"))
        )
        assert Analysis.objects.get(pk=analysis.pk).competence_opinion == 4
        for name in ("commission:session", "commission:publish"):
            assert_denied(client.get(reverse(name, args=[world["session"].pk])))

    def test_reads_the_opinion_and_the_piadc_of_own_dossiers(self, client, user, world):
        body = client.get(reverse("commission:dossier", args=[world["candidate"].pk])).content.decode()
        assert "Avis sur l'employabilité du candidat" in body
        assert str(world["session"]) in body.replace("&#x27;", "'")
        assert "Plan Individuel d&#x27;Adaptation" in body or "Plan Individuel d'Adaptation" in body
        assert "NOTE INTERNE" in body  # advisers see the internal notes; companies never do

    def test_other_partners_dossiers_answer_404(self, client, world):
        _org, other_adviser = partner_with_adviser()
        client.force_login(other_adviser)
        assert client.get(reverse("commission:dossier", args=[world["candidate"].pk])).status_code == 404
        assert world["candidate"].last_name not in client.get(reverse("commission_plans:index")).content.decode()


class TestCompanyRecruiter:
    def test_no_commission_route_is_reachable(self, client, world):
        company = OrganisationFactory(company=True)
        client.force_login(UserFactory(roles=[Role.COMPANY_RECRUITER], organisation=company))
        assert_closed(client, every_route(world))
        assert_denied(client.post(reverse("commission:analysis", args=[world["analysis"].pk]), analysis_data()))
        assert_denied(client.post(reverse("commission:session", args=[world["session"].pk]), {}))


class TestAdministrator:
    @pytest.fixture
    def user(self, client):
        user = UserFactory(roles=[Role.ADMINISTRATOR])
        client.force_login(user)
        return user

    def test_every_screen_is_open(self, client, user, world):
        assert_open(client, [*session_screens(SessionFactory()).values(), *plan_screens(world["plan"]).values()])
        assert_open(client, commission_views(world).values())

    def test_sets_the_classification_like_a_pilot(self, client, user, world):
        url = reverse("commission:classify", args=[world["analysis"].pk])
        assert client.get(url).status_code == 200
        client.post(url, {"classification": "employable", "classified_on": "2026-11-24"})
        world["candidate"].refresh_from_db()
        assert world["candidate"].classification == "employable"


class TestPresident:
    def test_reads_the_statistics_only(self, client, world):
        client.force_login(UserFactory(roles=[Role.PRESIDENT]))
        assert_open(client, [commission_views(world)["statistics"]])
        views = commission_views(world)
        assert_closed(client, [session_screens(world["session"])["list"], views["analysis"], views["debriefing"]])


class TestAnonymous:
    def test_everything_asks_for_login(self, client, world):
        for route in every_route(world):
            response = client.get(route)
            assert response.status_code == 302 and "/extranet/login/" in response["Location"], route


class TestPermissionsNotGroupNames:
    def test_renaming_every_group_changes_nothing(self, client, world):
        the_pilot, empty = pilot(), SessionFactory()
        Group.objects.update(name=Concat(F("name"), Value(" (renommé)")))
        client.force_login(the_pilot)
        assert_open(client, [*session_screens(empty).values(), *commission_views(world).values()])
        client.force_login(world["recruiter"])
        assert_open(client, [commission_views(world)["analysis"]])
        assert_not_found(client, [reverse("commission:analysis", args=[world["other_analysis"].pk])])
        client.force_login(world["adviser"])
        assert_closed(client, [commission_views(world)["analysis"]])
        # The session form offers the same pilots and recruiters.
        assert the_pilot in offered("pilot")
        assert world["recruiter"] in offered("recruiters") and world["recruiter"] not in offered("pilot")
        assert world["adviser"] not in offered("recruiters")

    def test_removing_the_pilot_permission_closes_the_pilots_screens(self, client, world):
        the_pilot = pilot()
        client.force_login(the_pilot)
        views = commission_views(world)
        assert_open(client, [views["debriefing"]])
        Group.objects.get(name=Role.SESSION_PILOT).permissions.remove(
            Permission.objects.get(codename="pilot_session", content_type__app_label="commission")
        )
        assert_closed(client, [views["debriefing"], reverse("commission:classify", args=[world["analysis"].pk])])
        assert_not_found(client, [reverse("commission:session", args=[world["session"].pk])])
        assert the_pilot not in offered("pilot")

    def test_removing_the_statistics_permission_closes_the_statistics(self, client, world):
        client.force_login(UserFactory(roles=[Role.PRESIDENT]))
        assert_open(client, [commission_views(world)["statistics"]])
        Group.objects.get(name=Role.PRESIDENT).permissions.remove(
            Permission.objects.get(codename="view_commission_statistics")
        )
        assert_closed(client, [commission_views(world)["statistics"]])

    def test_granting_fill_analysis_to_a_user_opens_the_analysis(self, client, world):
        helper = UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
        world["session"].recruiters.add(helper)
        client.force_login(helper)
        assert_closed(client, [commission_views(world)["analysis"]])
        helper.user_permissions.add(
            *Permission.objects.filter(
                codename__in=["fill_analysis", "view_session"], content_type__app_label="commission"
            )
        )
        assert_open(client, [commission_views(world)["analysis"]])


class TestListingsQueryCount:
    @pytest.mark.parametrize("who", ["recruiter", "adviser"])
    def test_scoped_listings_are_constant(self, client, world, django_assert_max_num_queries, who):
        user = world[who]
        client.force_login(user)
        url = reverse("commission_sessions:index" if who == "recruiter" else "commission_plans:index")
        client.get(url)
        with django_assert_max_num_queries(60) as small:
            assert client.get(url).status_code == 200
        for _ in range(6):
            if who == "recruiter":
                SessionFactory(partners=[world["organisation"]], recruiters=[user])
            else:
                TrainingPlanFactory(candidate=eligible_candidate(organisation=world["organisation"]))
        with django_assert_max_num_queries(len(small.captured_queries) + 2):
            assert client.get(url).status_code == 200
