"""The daily news digest: one e-mail per subscriber listing, by category, what is new for them.

Guarantees (see tests/news/test_digest.py):
- never twice the same item to the same person: a `NewsDelivery` row (unique per user and item)
  is written in the same transaction as the e-mail record, before the e-mail is handed to the
  worker; a re-run, a crash half-way or a second worker cannot announce an item again;
- two workers share the work: each batch locks its users' `NewsDigestState` rows with
  `SELECT ... FOR UPDATE SKIP LOCKED`;
- a constant number of queries per batch of users, whatever the number of recipients.
"""

import logging
import time
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from portal.tasks import run_async

from . import rules
from .enums import DIGEST_BATCH_SIZE, DIGEST_TIME_BUDGET
from .models import NewsDelivery, NewsDigestState, NewsPage
from .notifications import DigestRenderer, item_url, queue_digest_emails
from .perms import internal_readers

logger = logging.getLogger(__name__)


def send_news_digests(*, now=None, batch_size=DIGEST_BATCH_SIZE, time_budget=None):
    """Send the digest to every subscriber who has something new and none today; return the number of e-mails.

    With `time_budget` (seconds), stop after the batch that exhausts it and hand the rest of the
    run (same `now`, so users already examined are skipped) to a new background task: a worker's
    task timeout never cuts a run short.
    """
    run_started = now or timezone.now()
    deadline = time.monotonic() + time_budget if time_budget is not None else None
    _create_missing_states()
    pages = _candidate_pages(run_started)
    if not pages:
        _mark_all_checked(run_started)
        return 0
    context = _RunContext(run_started, pages)
    sent = 0
    conflicts = 0
    while True:
        try:
            with transaction.atomic():
                processed, count = _process_batch(context, batch_size)
        except IntegrityError:
            # Another run announced some of these items in the meantime: the batch is rolled back
            # (nothing was queued) and its users are examined again, now seeing those deliveries.
            conflicts += 1
            logger.warning("News digest: delivery conflict, batch retried (%s)", conflicts)
            if conflicts > 10:
                raise
            continue
        sent += count
        if not processed:
            break
        if deadline is not None and time.monotonic() >= deadline:
            logger.info("News digest: %s e-mail(s) so far, continuing in a new task", sent)
            more = run_async("news.digest.continue_digest", run_started, batch_size, time_budget)
            return sent + (more or 0)
    logger.info("News digest: %s e-mail(s)", sent)
    return sent


def continue_digest(run_started, batch_size, time_budget):
    """Background continuation of a digest run that used up its time budget."""
    return send_news_digests(now=run_started, batch_size=batch_size, time_budget=time_budget)


def run_scheduled_digest():
    """Hourly schedule: send the digest during the configured hour (the rule keeps it to once a day per user)."""
    if timezone.localtime().hour != settings.NEGE_NEWS_DIGEST_HOUR:
        return 0
    return send_news_digests(time_budget=DIGEST_TIME_BUDGET)


class _RunContext:
    """What one run computes once and shares between its batches."""

    def __init__(self, run_started, pages):
        self.run_started = run_started
        self.pages = pages
        self.page_ids = [p.pk for p in pages]
        self.renderer = DigestRenderer({p.pk: item_url(p) for p in pages})


def _subscribed():
    User = get_user_model()
    through = User.news_categories.through
    return Exists(through.objects.filter(user_id=OuterRef("user_id")))


def _create_missing_states():
    User = get_user_model()
    through = User.news_categories.through
    missing = (
        User.objects.filter(is_active=True, news_digest_state__isnull=True)
        .filter(Exists(through.objects.filter(user_id=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )
    NewsDigestState.objects.bulk_create(
        [NewsDigestState(user_id=pk) for pk in missing.iterator(chunk_size=2000)],
        ignore_conflicts=True,
        batch_size=2000,
    )


def _candidate_pages(run_started):
    return list(
        NewsPage.objects.live()
        .filter(first_published_at__gt=rules.oldest_candidate(run_started), first_published_at__lte=run_started)
        .select_related("category")
        .defer_streamfields()
        .order_by("category__order", "category__name", "-date", "-first_published_at")
    )


def _mark_all_checked(run_started):
    NewsDigestState.objects.filter(_pending(run_started)).update(last_checked_at=run_started)


def _pending(run_started):
    return Q(last_checked_at__isnull=True) | Q(last_checked_at__lt=run_started)


def _process_batch(context, batch_size):
    """Lock a batch of unexamined users, announce what is new to each; return (users examined, e-mails)."""
    run_started = context.run_started
    states = NewsDigestState.objects.filter(_pending(run_started), user__is_active=True).filter(_subscribed())
    states = list(
        states.select_for_update(skip_locked=True, of=("self",))
        .select_related("user")
        .only(
            "pk",
            "user_id",
            "last_sent_at",
            "user__email",
            "user__first_name",
            "user__last_name",
            "user__civility",
            "user__username",
            "user__is_active",
        )
        .order_by("pk")[:batch_size]
    )
    if not states:
        return 0, 0
    user_ids = [s.user_id for s in states]
    subscriptions = _subscriptions(user_ids)
    readers = internal_readers(user_ids)
    delivered = defaultdict(set)
    rows = NewsDelivery.objects.filter(user_id__in=user_ids, page_id__in=context.page_ids).values_list(
        "user_id", "page_id"
    )
    for user_id, page_id in rows:
        delivered[user_id].add(page_id)
    deliveries, digests, sent_state_ids = [], [], []
    for state in states:
        if not rules.digest_is_due(state.last_sent_at, run_started):
            continue
        items = rules.select_items(
            context.pages,
            categories=subscriptions.get(state.user_id, set()),
            since=rules.items_since(state.last_sent_at, run_started),
            may_read_internal=state.user_id in readers,
            already_delivered=delivered.get(state.user_id, set()),
        )
        if not items or not state.user.email:
            continue
        deliveries.extend((state.user_id, p.pk) for p in items)
        digests.append((state.user, items))
        sent_state_ids.append(state.pk)
    # Record first, then queue: both in this transaction, so they stand or fall together.
    record_deliveries(deliveries, run_started)
    queue_digest_emails(digests, context.renderer)
    NewsDigestState.objects.filter(pk__in=[s.pk for s in states]).update(last_checked_at=run_started)
    if sent_state_ids:
        NewsDigestState.objects.filter(pk__in=sent_state_ids).update(last_sent_at=run_started)
    return len(states), len(digests)


def record_deliveries(pairs, sent_at):
    """Insert (user id, page id) deliveries; a pair already recorded raises IntegrityError."""
    if not pairs:
        return
    if connection.vendor == "postgresql":
        # One statement, no model instances: the digest's largest write (users x items).
        table = NewsDelivery._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (user_id, page_id, sent_at) "  # table name from the model, values bound
                "SELECT u, p, %s FROM unnest(%s::bigint[], %s::bigint[]) AS t(u, p)",
                [sent_at, [u for u, _ in pairs], [p for _, p in pairs]],
            )
    else:
        NewsDelivery.objects.bulk_create(
            [NewsDelivery(user_id=u, page_id=p, sent_at=sent_at) for u, p in pairs], batch_size=500
        )


def _subscriptions(user_ids):
    User = get_user_model()
    result = defaultdict(set)
    rows = User.news_categories.through.objects.filter(user_id__in=user_ids).values_list("user_id", "newscategory_id")
    for user_id, category_id in rows:
        result[user_id].add(category_id)
    return result
