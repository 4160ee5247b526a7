"""Rules of the daily news digest: when a user is due one, and which items it announces.

Pure functions: the digest (news.digest) applies them to what it reads in batches.
"""

from django.utils import timezone

from .enums import DIGEST_FIRST_WINDOW, DIGEST_MAX_WINDOW, DIGEST_OVERLAP


def digest_is_due(last_sent_at, now):
    """At most one digest per user and calendar day (local time), whatever starts the run.

    The scheduled run, a run by hand (`send_news_digests`) or a continuation: once a digest went out
    today, the next one waits for tomorrow, from midnight.
    """
    return last_sent_at is None or timezone.localdate(last_sent_at) < timezone.localdate(now)


def items_since(last_sent_at, now):
    """The publication time after which items are new for a user."""
    if last_sent_at is None:
        return now - DIGEST_FIRST_WINDOW
    # A little before the previous digest: an item whose publication was committed while that digest
    # ran is not lost (deliveries already recorded remove what was announced).
    return last_sent_at - DIGEST_OVERLAP


def oldest_candidate(now):
    """No digest looks further back than this, whatever the date of the previous one."""
    return now - DIGEST_MAX_WINDOW


def select_items(pages, *, categories, since, may_read_internal, already_delivered):
    """The items one user is told about, `pages` already in display order."""
    return [
        p
        for p in pages
        if p.category_id in categories
        and p.first_published_at > since
        and (may_read_internal or not p.extranet_only)
        and p.pk not in already_delivered
    ]
