"""E-mails of the news capability: the daily digest, and its one-click unsubscribe token."""

from functools import partial

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

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


class DigestRenderer:
    """Renders the digests of one run. The list of items is rendered once per distinct set of
    items (subscribers share a handful of combinations), then wrapped per user."""

    MAX_CACHED = 2000

    def __init__(self, urls):
        self.urls = urls
        self.preferences_url = settings.BASE_URL + reverse("wagtailadmin_account")
        self._sections = {}
        self._templates = {
            name: get_template(f"{DIGEST_TEMPLATE}_{name}") for name in ("subject.txt", "body.txt", "body.html")
        }
        self._layout = get_template("emails/layout.html")
        self._signature = render_to_string(
            "emails/signature.txt", {"base_url": settings.BASE_URL, "site_name": settings.WAGTAIL_SITE_NAME}
        )

    def sections(self, items):
        key = tuple(item.pk for item in items)
        if key not in self._sections:
            if len(self._sections) >= self.MAX_CACHED:
                self._sections.clear()
            context = {
                "sections": [
                    (category, [(item, self.urls[item.pk]) for item in group])
                    for category, group in group_by_category(items)
                ]
            }
            self._sections[key] = (
                render_to_string(f"{DIGEST_TEMPLATE}_sections.txt", context),
                mark_safe(
                    render_to_string(f"{DIGEST_TEMPLATE}_sections.html", context)
                ),  # rendered by our template: safe
            )
        return self._sections[key]

    def render(self, user, items):
        """One digest e-mail, rendered as `portal.mail.queue.send_templated_email` would."""
        link = unsubscribe_url(user)
        sections_text, sections_html = self.sections(items)
        context = {
            "base_url": settings.BASE_URL,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "user": user,
            "count": len(items),
            "sections_text": sections_text,
            "sections_html": sections_html,
            "unsubscribe_url": link,
            "preferences_url": self.preferences_url,
        }
        subject = " ".join(self._templates["subject.txt"].render(context).split())[:255]
        body_text = self._templates["body.txt"].render(context) + self._signature
        content = self._templates["body.html"].render(context)
        body_html = self._layout.render({**context, "subject": subject, "content": content})
        return OutgoingEmail(
            to=[user.email],
            from_email=settings.DEFAULT_FROM_EMAIL,
            subject=subject,
            body_text=body_text,
            body_html=body_html,
            headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )


def queue_digest_emails(digests, renderer):
    """Record a batch of digests in the e-mail queue with one INSERT, and hand them to the worker
    as one task once the transaction commits (the queue's worker retries failures)."""
    if not digests:
        return []
    emails = OutgoingEmail.objects.bulk_create([renderer.render(user, items) for user, items in digests])
    ids = [e.pk for e in emails]
    transaction.on_commit(partial(run_async, "news.tasks.deliver_digest_emails", ids))
    return ids
