"""The worker's alerts: exactly the new matches, at most once per period, within the company's pool."""

from datetime import datetime

import pytest
from django.utils import timezone
from django_q.models import Schedule

from portal.mail.models import OutgoingEmail
from portal.schedules import ensure_schedules
from recruitment.alerts import matching, notifications
from recruitment.alerts.models import SearchMatch
from recruitment.enums import Classification
from recruitment.models import Consent, Skill
from tests.alerts.factories import SavedSearchFactory
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory, analysed

pytestmark = pytest.mark.django_db


def at(year, month, day, hour=8, minute=0):
    return timezone.make_aware(datetime(year, month, day, hour, minute))


MONDAY = at(2026, 12, 7)


def alsace_search(recruiter, alsace, **kwargs):
    return SavedSearchFactory(owner=recruiter, query={"employment_area": [str(alsace.pk)]}, **kwargs)


def test_a_daily_alert_lists_exactly_the_new_matches_once_a_day(recruiter, alsace, lorraine, mailoutbox):
    known = PoolCandidateFactory(employment_area=alsace)
    search = alsace_search(recruiter, alsace, name="Alsace")
    new = PoolCandidateFactory(employment_area=alsace)
    PoolCandidateFactory(employment_area=lorraine, last_name="LORRAIN")

    assert notifications.send_alerts(MONDAY) == 1
    (email,) = mailoutbox
    assert email.to == [recruiter.email]
    assert email.subject == "1 nouveau candidat pour votre recherche « Alsace »"
    assert f"{new.first_name} {new.last_name}" in email.body
    assert known.last_name not in email.body and "LORRAIN" not in email.body

    later = PoolCandidateFactory(employment_area=alsace)
    # Same day, up to its last minute: nothing more.
    assert notifications.send_alerts(at(2026, 12, 7, 23, 59)) == 0
    assert len(mailoutbox) == 1
    # The next day from midnight: only the one that came since.
    assert notifications.send_alerts(at(2026, 12, 8, 0, 0)) == 1
    assert later.last_name in mailoutbox[1].body and new.last_name not in mailoutbox[1].body
    # Nothing new: no empty e-mail.
    assert notifications.send_alerts(at(2026, 12, 9)) == 0
    assert len(mailoutbox) == 2
    search.refresh_from_db()
    assert search.last_alert_at == at(2026, 12, 8, 0, 0)


def test_a_weekly_alert_waits_for_the_next_iso_week(recruiter, alsace, mailoutbox):
    alsace_search(recruiter, alsace, weekly=True)
    PoolCandidateFactory(employment_area=alsace)
    assert notifications.send_alerts(MONDAY) == 1
    PoolCandidateFactory(employment_area=alsace)
    assert notifications.send_alerts(at(2026, 12, 13, 23, 59)) == 0  # Sunday: the same week
    assert notifications.send_alerts(at(2026, 12, 14, 0, 0)) == 1  # Monday: a new week
    assert len(mailoutbox) == 2


def test_no_alert_without_frequency_but_the_matches_are_counted(recruiter, alsace, mailoutbox):
    search = alsace_search(recruiter, alsace, silent=True)
    candidate = PoolCandidateFactory(employment_area=alsace)
    assert notifications.send_alerts(MONDAY) == 0
    assert mailoutbox == []
    assert SearchMatch.objects.get(search=search, candidate=candidate).known is False


def test_never_a_candidate_in_the_company_portfolio(recruiter, alsace, mailoutbox):
    alsace_search(recruiter, alsace)
    in_portfolio = PoolCandidateFactory(employment_area=alsace)
    FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, candidate=in_portfolio)
    elsewhere = PoolCandidateFactory(employment_area=alsace)
    notifications.send_alerts(MONDAY)
    assert in_portfolio.last_name not in mailoutbox[0].body
    assert elsewhere.last_name in mailoutbox[0].body


def test_a_candidate_put_in_the_portfolio_after_matching_is_not_announced(recruiter, colleague, alsace, mailoutbox):
    search = alsace_search(recruiter, alsace)
    late = PoolCandidateFactory(employment_area=alsace)
    matching.refresh(search, now=at(2026, 12, 7, 5))  # the hourly refresh finds them
    FollowUpSheetFactory(company=recruiter.organisation, created_by=colleague, candidate=late)
    assert notifications.send_alerts(MONDAY) == 0
    assert mailoutbox == []


def test_company_b_portfolio_and_sheets_stay_company_b_s(recruiter, company_b, alsace, mailoutbox):
    """Company B's sheet is B's business: A still gets the candidate from the pool, and nothing of B's sheet."""
    _, recruiter_b = company_b
    alsace_search(recruiter, alsace)
    alsace_search(recruiter_b, alsace)
    shared = PoolCandidateFactory(employment_area=alsace)
    FollowUpSheetFactory(
        company=recruiter_b.organisation, created_by=recruiter_b, candidate=shared, comment="COMMENTAIRE DE B"
    )
    notifications.send_alerts(MONDAY)
    by_recipient = {email.to[0]: email for email in mailoutbox}
    assert shared.last_name in by_recipient[recruiter.email].body
    assert "COMMENTAIRE DE B" not in by_recipient[recruiter.email].body
    assert recruiter_b.organisation.name not in by_recipient[recruiter.email].body
    assert recruiter_b.email not in by_recipient  # nothing new for B: the candidate is in B's portfolio


def test_never_a_candidate_outside_the_pool_or_without_consent(recruiter, alsace, mailoutbox):
    search = alsace_search(recruiter, alsace)
    never_consented = PoolCandidateFactory(employment_area=alsace, with_consent=False)
    dismissed = PoolCandidateFactory(employment_area=alsace, dismissed=True)
    withdrawn = PoolCandidateFactory(employment_area=alsace)
    reclassified = PoolCandidateFactory(employment_area=alsace)
    stays = PoolCandidateFactory(employment_area=alsace)
    # The hourly refresh finds them while they are in the pool...
    matching.refresh(search, now=at(2026, 12, 7, 5))
    # ... then one loses their consent and one is classified out of the pool before the alert.
    Consent.objects.filter(candidate=withdrawn).delete()
    reclassified.classification = Classification.DISMISSED
    reclassified.save()
    notifications.send_alerts(MONDAY)
    (email,) = mailoutbox
    assert stays.last_name in email.body
    for absent in (never_consented, dismissed, withdrawn, reclassified):
        assert absent.last_name not in email.body


def test_the_alert_says_name_area_classification_skills_and_links_to_etudier(recruiter, alsace, mailoutbox, settings):
    alsace_search(recruiter, alsace)
    candidate = PoolCandidateFactory(
        employment_area=alsace, adaptable=True, city="Sélestat", email="perso@exemple.test", phone="0601020304"
    )
    skill = Skill.objects.select_related("theme").order_by("pk").first()
    analysed(candidate, skills=[(skill, "experimente")], internal_notes="NOTE INTERNE")
    notifications.send_alerts(MONDAY)
    (email,) = mailoutbox
    assert f"{candidate.first_name} {candidate.last_name} – {alsace} – Adaptable" in email.body
    assert f"{skill.theme.name} : {skill.name} (Expérimenté)" in email.body
    assert f"{settings.BASE_URL}/extranet/recrutements/vivier/candidats/{candidate.pk}/" in email.body
    for private in ("Sélestat", "perso@exemple.test", "0601020304", "NOTE INTERNE"):
        assert private not in email.body
        assert private not in email.alternatives[0][0]


def test_the_alert_goes_through_the_queue_with_a_one_click_unsubscribe(recruiter, alsace, mailoutbox):
    search = alsace_search(recruiter, alsace)
    PoolCandidateFactory(employment_area=alsace)
    notifications.send_alerts(MONDAY)
    recorded = OutgoingEmail.objects.get(to=[recruiter.email])
    link = notifications.unsubscribe_url(search)
    assert recorded.headers == {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    assert link in mailoutbox[0].body


def test_a_shared_search_alerts_its_owner_only(recruiter, colleague, alsace, mailoutbox):
    alsace_search(recruiter, alsace, shared_with_company=True)
    PoolCandidateFactory(employment_area=alsace)
    notifications.send_alerts(MONDAY)
    assert [email.to for email in mailoutbox] == [[recruiter.email]]


def test_no_alert_to_whoever_lost_the_pool_search(recruiter, alsace, mailoutbox):
    alsace_search(recruiter, alsace)
    PoolCandidateFactory(employment_area=alsace)
    recruiter.groups.clear()
    assert notifications.send_alerts(MONDAY) == 0


def test_the_scheduled_task_sends_from_the_configured_hour_on(recruiter, alsace, mailoutbox, settings):
    settings.NEGE_POOL_ALERT_HOUR = 7
    search = alsace_search(recruiter, alsace)
    candidate = PoolCandidateFactory(employment_area=alsace)
    assert notifications.run_scheduled_alerts(at(2026, 12, 7, 6, 59)) == 0
    assert mailoutbox == []
    assert SearchMatch.objects.filter(search=search, candidate=candidate, known=False).exists()  # counted
    assert notifications.run_scheduled_alerts(at(2026, 12, 7, 7, 0)) == 1
    assert notifications.run_scheduled_alerts(at(2026, 12, 7, 8, 0)) == 0  # once a day
    later = PoolCandidateFactory(employment_area=alsace)
    assert notifications.run_scheduled_alerts(at(2026, 12, 8, 15, 0)) == 1  # the worker was down at 7
    assert later.last_name in mailoutbox[-1].body


def test_the_alerts_are_scheduled_hourly():
    ensure_schedules()
    schedule = Schedule.objects.get(func="recruitment.alerts.notifications.run_scheduled_alerts")
    assert schedule.schedule_type == Schedule.HOURLY
