"""E-mails of the news capability: the daily digest, and its one-click unsubscribe token."""

from functools import partial

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import linebreaks

from portal.mail.models import OutgoingEmail
from portal.tasks import run_async

DIGEST_TEMPLATE = "news/emails/digest"
UNSUBSCRIBE_SALT = "news.digest.unsubscribe"


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def user_id_from_token(token):
    """The user id signed in `token`, or None when it was tampered with."""
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def unsubscribe_url(user):
    return settings.BASE_URL + reverse("news:unsubscribe", args=[unsubscribe_token(user)])


def item_url(page):
    """Absolute link of an item: the public page, or the extranet's "Informations" for internal ones."""
    if page.extranet_only:
        return settings.BASE_URL + reverse("news_informations:detail", args=[page.pk])
    parts = page.get_url_parts()
    return settings.BASE_URL + (parts[2] if parts else f"/actualites/{page.slug}/")


def group_by_category(items):
    """[(category, [items])] in the order of `items` (already sorted by category)."""
    groups = []
    for item in items:
        if groups and groups[-1][0].pk == item.category_id:
            groups[-1][1].append(item)
        else:
            groups.append((item.category, [item]))
    return groups


def render_digest(user, items, urls):
    """Render one digest e-mail, exactly as `portal.mail.queue.send_templated_email` would."""
    link = unsubscribe_url(user)
    context = {
        "base_url": settings.BASE_URL,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "user": user,
        "count": len(items),
        "sections": [
            (category, [(item, urls[item.pk]) for item in group]) for category, group in group_by_category(items)
        ],
        "unsubscribe_url": link,
        "preferences_url": settings.BASE_URL + reverse("wagtailadmin_account"),
    }
    subject = " ".join(render_to_string(f"{DIGEST_TEMPLATE}_subject.txt", context).split())[:255]
    body_text = render_to_string(f"{DIGEST_TEMPLATE}_body.txt", context)
    body_text += render_to_string("emails/signature.txt", context)
    body_html = render_to_string(
        "emails/layout.html",
        {**context, "subject": subject, "content": render_to_string(f"{DIGEST_TEMPLATE}_body.html", context)},
    )
    return OutgoingEmail(
        to=[user.email],
        from_email=settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        body_text=body_text,
        body_html=body_html or linebreaks(body_text),
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def queue_digest_emails(digests, urls):
    """Record a batch of digests in the e-mail queue with one INSERT, and hand them to the worker
    as one task once the transaction commits (the queue's worker retries failures)."""
    if not digests:
        return []
    emails = OutgoingEmail.objects.bulk_create([render_digest(user, items, urls) for user, items in digests])
    ids = [e.pk for e in emails]
    transaction.on_commit(partial(run_async, "news.tasks.deliver_digest_emails", ids))
    return ids
