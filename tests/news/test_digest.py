"""The daily digest: content per user and category, never twice, nothing when nothing is new."""

import threading
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_q.models import Schedule
from wagtail.models import Revision

from news import digest, rules
from news.digest import run_scheduled_digest, send_news_digests
from news.models import NewsDelivery, NewsDigestState, NewsPage
from news.notifications import DigestRenderer, unsubscribe_token
from news.rules import digest_is_due, select_items
from portal.accounts.roles import Role
from portal.mail.models import OutgoingEmail
from portal.schedules import ensure_schedules

from .factories import NewsPageFactory, category, subscriber

ASSOCIATION = "vie-de-l-association"
EVENT = "evenement-public"
ADC = "commission-adaptation-des-competences"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the digest and let the queued e-mails be delivered (on commit, inline)."""

    def _run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return send_news_digests(**kwargs)

    return _run


def body_of(mail):
    return mail.body


@pytest.mark.django_db
class TestDigestContent:
    @pytest.fixture
    def news(self):
        return {
            "assoc": NewsPageFactory(
                title="Assemblée générale", lead="Rendez-vous le 12 juin.", category=category(ASSOCIATION)
            ),
            "event": NewsPageFactory(title="Salon du numérique", lead="Stand NEGE au salon.", category=category(EVENT)),
            "adc": NewsPageFactory(title="Nouvelle formation ADC", category=category(ADC)),
            "internal": NewsPageFactory(
                internal=True, title="Dates de publication des dossiers", category=category(ASSOCIATION)
            ),
        }

    def test_each_user_gets_their_categories_grouped(self, run, mailoutbox, news):
        adviser = subscriber(ASSOCIATION, EVENT, email="conseillere@exemple.test")
        assert run() == 1
        assert len(mailoutbox) == 1
        mail = mailoutbox[0]
        assert mail.to == ["conseillere@exemple.test"]
        assert "3 nouvelles publications" in mail.subject
        text = body_of(mail)
        # by category, in the categories' order, each item with title, lead and link
        assert text.index("== Evénement public ==") < text.index("Salon du numérique")
        assert text.index("== Vie de l'association ==") < text.index("Assemblée générale")
        assert "Rendez-vous le 12 juin." in text
        assert f"/actualites/{news['assoc'].slug}/" in text
        assert "Nouvelle formation ADC" not in text
        # internal item: for extranet users, linked to the extranet
        assert "Dates de publication des dossiers (actualité interne)" in text
        assert f"/extranet/informations/{news['internal'].pk}/" in text
        html = mail.alternatives[0][0]
        assert f'href="http://127.0.0.1:8000/actualites/{news["event"].slug}/"' in html or "Salon du numérique" in html
        assert adviser.news_digest_state.last_sent_at is not None

    def test_internal_items_only_for_users_with_extranet_access(self, run, mailoutbox, news):
        subscriber(ASSOCIATION, roles=(), email="sans-acces@exemple.test")
        run()
        assert len(mailoutbox) == 1
        assert "Assemblée générale" in mailoutbox[0].body
        assert "Dates de publication" not in mailoutbox[0].body

    def test_inactive_users_receive_nothing(self, run, mailoutbox, news):
        subscriber(ASSOCIATION, inactive=True)
        assert run() == 0
        assert mailoutbox == []

    def test_users_without_categories_receive_nothing(self, run, mailoutbox, news):
        subscriber()
        assert run() == 0
        assert mailoutbox == []

    def test_unsubscribe_link_and_header(self, run, mailoutbox, news):
        user = subscriber(ASSOCIATION)
        run()
        mail = mailoutbox[0]
        url = f"http://127.0.0.1:8000/actualites/desabonnement/{unsubscribe_token(user)}/"
        assert url in mail.body
        assert mail.extra_headers["List-Unsubscribe"] == f"<{url}>"
        assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    def test_recorded_in_the_mail_queue(self, run, news):
        subscriber(ASSOCIATION)
        run()
        email = OutgoingEmail.objects.get()
        assert email.state == "sent"


@pytest.mark.django_db
class TestNeverTwice:
    def test_rerun_sends_nothing(self, run, mailoutbox):
        NewsPageFactory()
        subscriber(ASSOCIATION)
        subscriber(ASSOCIATION)
        assert run() == 2
        assert run() == 0
        assert len(mailoutbox) == 2
        assert NewsDelivery.objects.count() == 2

    def test_nothing_sent_when_nothing_is_new(self, run, mailoutbox):
        subscriber(ASSOCIATION)
        NewsPageFactory(category=category(EVENT))  # another category
        NewsPageFactory(published_at=timezone.now() - timedelta(days=3))  # before the window
        NewsPageFactory(draft=True)
        assert run() == 0
        assert mailoutbox == []

    def test_next_digest_lists_only_what_is_new_since_the_previous_one(self, run, mailoutbox):
        first = NewsPageFactory(title="Première nouvelle", published_at=timezone.now() - timedelta(hours=30))
        user = subscriber(ASSOCIATION)
        NewsDigestState.objects.create(user=user, last_sent_at=timezone.now() - timedelta(days=2))
        run(now=timezone.now() - timedelta(days=1))
        assert "Première nouvelle" in mailoutbox[0].body
        NewsPageFactory(title="Deuxième nouvelle")
        run()
        assert len(mailoutbox) == 2
        assert "Deuxième nouvelle" in mailoutbox[1].body
        assert first.title not in mailoutbox[1].body

    def test_item_committed_during_the_previous_run_is_not_lost(self, run, mailoutbox):
        user = subscriber(ASSOCIATION)
        previous_run = timezone.now() - timedelta(hours=24)
        NewsDigestState.objects.create(user=user, last_sent_at=previous_run)
        # published (first_published_at) a minute before the previous run started, committed after it
        NewsPageFactory(title="Publiée pendant la lettre", published_at=previous_run - timedelta(minutes=1))
        assert run() == 1
        assert "Publiée pendant la lettre" in mailoutbox[0].body

    def test_crash_half_way_then_rerun(self, run, mailoutbox):
        NewsPageFactory()
        users = [subscriber(ASSOCIATION) for _ in range(3)]
        original = DigestRenderer.render
        calls = []

        def flaky(renderer, user, items):
            calls.append(user.pk)
            if len(calls) == 2:
                raise RuntimeError("worker killed")
            return original(renderer, user, items)

        with mock.patch.object(DigestRenderer, "render", flaky), pytest.raises(RuntimeError):
            run(batch_size=1)
        assert len(mailoutbox) == 1  # the first batch was committed and sent
        assert NewsDelivery.objects.count() == 1  # the second was rolled back entirely
        assert OutgoingEmail.objects.count() == 1
        run(batch_size=1)
        assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in users)
        assert NewsDelivery.objects.count() == 3

    def test_second_run_in_the_middle_of_a_batch(self, run, mailoutbox):
        """A second worker announces the same items while the first one is between its checks and
        its writes: the unique constraint rolls the first batch back, nobody gets two e-mails."""
        NewsPageFactory()
        NewsPageFactory()
        users = [subscriber(ASSOCIATION) for _ in range(3)]
        original = rules.select_items
        state = {"inner_done": False}

        def racing_select_items(*args, **kwargs):
            if not state["inner_done"]:
                state["inner_done"] = True
                with mock.patch.object(rules, "select_items", original):
                    send_news_digests()
            return original(*args, **kwargs)

        with mock.patch.object(rules, "select_items", racing_select_items):
            run()
        assert len(mailoutbox) == 3
        assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in users)
        assert NewsDelivery.objects.count() == 6

    def test_delivery_is_unique_per_user_and_item(self):
        from django.db import IntegrityError, transaction

        item = NewsPageFactory()
        user = subscriber(ASSOCIATION)
        NewsDelivery.objects.create(user=user, page=item)
        with pytest.raises(IntegrityError), transaction.atomic():
            NewsDelivery.objects.create(user=user, page=item)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_never_send_twice(mailoutbox):
    """Two workers at once (two threads, two connections, real row locks)."""
    NewsPageFactory()
    NewsPageFactory(category=category(EVENT))
    users = [subscriber(ASSOCIATION, EVENT) for _ in range(40)]
    barrier = threading.Barrier(2)
    errors = []

    def worker():
        try:
            barrier.wait()
            send_news_digests(batch_size=5)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert OutgoingEmail.objects.count() == 40
    assert sorted(e.to[0] for e in OutgoingEmail.objects.all()) == sorted(u.email for u in users)
    assert NewsDelivery.objects.count() == 80


@pytest.mark.django_db
class TestScheduledPublication:
    def test_appears_in_the_next_digest_only_once_published(self, run, mailoutbox):
        subscriber(ASSOCIATION)
        item = NewsPageFactory(scheduled=True, title="Annonce programmée")
        assert not NewsPage.objects.get(pk=item.pk).live
        assert run() == 0
        # time passes: the scheduled time is reached and Wagtail publishes it
        past = timezone.now() - timedelta(minutes=1)
        revision = Revision.objects.get(object_id=str(item.pk), approved_go_live_at__isnull=False)
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save()
        NewsPage.objects.filter(pk=item.pk).update(go_live_at=past)
        call_command("publish_scheduled", verbosity=0)
        assert NewsPage.objects.get(pk=item.pk).live
        assert run() == 1
        assert "Annonce programmée" in mailoutbox[0].body
        assert run() == 0


@pytest.mark.django_db
class TestScheduleAndCommand:
    def test_scheduled_task_sends_only_at_the_configured_hour(self, settings, mailoutbox):
        NewsPageFactory()
        subscriber(ASSOCIATION)
        settings.NEGE_NEWS_DIGEST_HOUR = (timezone.localtime().hour + 1) % 24
        assert run_scheduled_digest() == 0
        settings.NEGE_NEWS_DIGEST_HOUR = timezone.localtime().hour
        assert run_scheduled_digest() == 1

    def test_scheduled_task_sends_at_most_one_digest_a_day(self, settings):
        settings.NEGE_NEWS_DIGEST_HOUR = timezone.localtime().hour
        NewsPageFactory()
        subscriber(ASSOCIATION)
        assert run_scheduled_digest() == 1
        NewsPageFactory()
        assert run_scheduled_digest() == 0
        assert send_news_digests() == 0  # nor the command: one digest a day

    def test_a_run_out_of_time_continues_in_a_new_task(self, run, mailoutbox):
        NewsPageFactory()
        users = [subscriber(ASSOCIATION) for _ in range(3)]
        with mock.patch("news.digest.run_async", wraps=digest.run_async) as handover:
            assert run(batch_size=1, time_budget=0) == 3
        assert handover.call_count == 3  # after each batch: the last task finds nobody left
        assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in users)

    def test_command(self, mailoutbox, capsys):
        NewsPageFactory()
        subscriber(ASSOCIATION)
        call_command("send_news_digests")
        assert "1 courriel" in capsys.readouterr().out

    def test_schedule_is_registered(self):
        ensure_schedules()
        schedule = Schedule.objects.get(name="Lettre quotidienne des actualités")
        assert schedule.func == "news.digest.run_scheduled_digest"


@pytest.mark.django_db
def test_query_count_does_not_grow_with_recipients():
    NewsPageFactory.create_batch(3)
    NewsPageFactory(internal=True)

    def queries_for(n):
        for _ in range(n):
            subscriber(ASSOCIATION)
        with CaptureQueriesContext(connection) as ctx:
            assert send_news_digests(now=timezone.now()) == n
        return len(ctx.captured_queries)

    queries_for(1)  # warm-up: per-process caches (site root paths)
    assert queries_for(3) == queries_for(30)


def test_select_items_rules():
    now = timezone.now()

    class Item:
        def __init__(self, pk, category_id, hours_ago, extranet_only=False):
            self.pk, self.category_id, self.extranet_only = pk, category_id, extranet_only
            self.first_published_at = now - timedelta(hours=hours_ago)

    pages = [Item(1, 1, 1), Item(2, 2, 1), Item(3, 1, 1, extranet_only=True), Item(4, 1, 48), Item(5, 1, 2)]
    since = now - timedelta(days=1)
    chosen = select_items(pages, categories={1}, since=since, may_read_internal=False, already_delivered={5})
    assert [p.pk for p in chosen] == [1]
    chosen = select_items(pages, categories={1}, since=since, may_read_internal=True, already_delivered=set())
    assert [p.pk for p in chosen] == [1, 3, 5]


PARIS = ZoneInfo("Europe/Paris")


def paris(day, hour, minute):
    return datetime(2026, 3, day, hour, minute, tzinfo=PARIS)


def test_digest_is_due_once_per_calendar_day_in_paris():
    assert digest_is_due(None, paris(10, 8, 0))
    assert not digest_is_due(paris(10, 0, 0), paris(10, 23, 59))
    assert digest_is_due(paris(10, 23, 59), paris(11, 0, 0))
    # 23:30 in Paris is already the next day in UTC: the local day decides.
    assert not digest_is_due(paris(10, 0, 30), paris(10, 23, 30))


@pytest.mark.django_db
class TestOncePerDay:
    """At most one digest per subscriber and day, whatever starts the run (schedule or command)."""

    def run_with_previous_digest(self, last_sent_at, now, run):
        user = subscriber(ASSOCIATION)
        NewsPageFactory(title="Nouvelle actualité", published_at=now - timedelta(minutes=1))
        NewsDigestState.objects.create(user=user, last_sent_at=last_sent_at)
        return run(now=now)

    def test_sent_from_midnight_the_next_day(self, run, mailoutbox):
        assert self.run_with_previous_digest(paris(10, 23, 59), paris(11, 0, 0), run) == 1
        assert "Nouvelle actualité" in mailoutbox[0].body

    def test_not_sent_again_the_same_day(self, run, mailoutbox):
        assert self.run_with_previous_digest(paris(10, 0, 0), paris(10, 23, 59), run) == 0
        assert mailoutbox == []

    def test_command_by_hand_after_new_publications_sends_nothing_more_today(self, run, mailoutbox):
        NewsPageFactory(title="Première nouvelle")
        subscriber(ASSOCIATION)
        assert run() == 1
        NewsPageFactory(title="Deuxième nouvelle")
        call_command("send_news_digests")
        assert len(mailoutbox) == 1


@pytest.mark.django_db
class TestUnsubscribe:
    def test_get_asks_for_confirmation_and_post_unsubscribes(self, client, run, mailoutbox):
        user = subscriber(ASSOCIATION, EVENT)
        url = f"/actualites/desabonnement/{unsubscribe_token(user)}/"
        response = client.get(url)
        assert response.status_code == 200
        assert "Vie de l&#x27;association" in response.text or "Vie de l'association" in response.text
        assert user.news_categories.count() == 2  # a link scanner's GET changes nothing
        response = client.post(url)
        assert response.status_code == 200
        assert "Vous êtes désabonné" in response.text
        assert user.news_categories.count() == 0
        NewsPageFactory()
        assert run() == 0

    def test_one_click_post_without_csrf_token(self, run):
        from django.test import Client

        user = subscriber(ASSOCIATION)
        response = Client(enforce_csrf_checks=True).post(
            f"/actualites/desabonnement/{unsubscribe_token(user)}/", {"List-Unsubscribe": "One-Click"}
        )
        assert response.status_code == 200
        assert user.news_categories.count() == 0

    def test_tampered_token_is_refused(self, client):
        user = subscriber(ASSOCIATION)
        token = unsubscribe_token(user)
        assert client.post(f"/actualites/desabonnement/{token[:-2]}xx/").status_code == 404
        assert client.post("/actualites/desabonnement/123/").status_code == 404
        assert user.news_categories.count() == 1

    def test_needs_no_login(self, client):
        user = subscriber(ASSOCIATION)
        assert client.get(f"/actualites/desabonnement/{unsubscribe_token(user)}/").status_code == 200


@pytest.mark.django_db
class TestPreferences:
    def test_account_page_shows_the_news_panel(self, client):
        user = subscriber(ASSOCIATION, roles=(Role.COMPANY_RECRUITER,))
        client.force_login(user)
        response = client.get("/extranet/account/")
        assert response.status_code == 200
        assert "Notifications de publication d&#x27;une actualité" in response.text
        assert 'name="news-news_categories"' in response.text

    def test_form_saves_the_categories(self):
        from news.forms import NewsPreferencesForm

        user = subscriber(ASSOCIATION)
        form = NewsPreferencesForm({"news_categories": [category(EVENT).pk, category(ADC).pk]}, instance=user)
        assert form.is_valid()
        form.save()
        assert set(user.news_categories.values_list("slug", flat=True)) == {EVENT, ADC}


def test_plain_text_leads_are_indented_under_their_bullet():
    from news.templatetags.news_tags import linebreaks_indented

    assert linebreaks_indented("Première ligne\r\n\r\n Deuxième ligne ") == "Première ligne\n  Deuxième ligne"


@pytest.mark.django_db
def test_item_approved_through_the_moderation_workflow_reaches_the_digest(run, mailoutbox):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    from tests.portal.factories import UserFactory

    subscriber(ASSOCIATION)
    editor = UserFactory(roles=[Role.EDITOR])
    approver = UserFactory(administrator=True)
    task = GroupApprovalTask.objects.create(name="Validation des actualités")
    workflow = Workflow.objects.create(name="Relecture des actualités")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    item = NewsPageFactory(draft=True, title="Soumise à relecture")
    item.save_revision(user=editor)
    workflow.start(item, editor)
    item.refresh_from_db()
    assert not item.live
    assert run() == 0  # in moderation: not published
    state = item.current_workflow_task_state
    state.task.specific.on_action(state, approver, "approve")
    item.refresh_from_db()
    assert item.live
    assert run() == 1
    assert "Soumise à relecture" in mailoutbox[0].body
