"""Queue e-mails: record them, then let the worker deliver them (with retries).

Use `send_templated_email` from an app's `notifications.py`; templates come in pairs
`<prefix>_subject.txt` / `<prefix>_body.txt` (an optional `<prefix>_body.html` overrides the
HTML version, otherwise the text is wrapped in the association's HTML layout).
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils.html import linebreaks

from portal.tasks import run_async

from .models import OutgoingEmail, OutgoingEmailAttachment


def queue_email(*, to, subject, body_text, body_html="", cc=(), bcc=(), reply_to=(), headers=None, attachments=()):
    """Record an e-mail and hand it to the worker once the current transaction commits.

    `attachments` is an iterable of (filename, bytes, mimetype).
    """
    email = OutgoingEmail.objects.create(
        to=_clean(to),
        cc=_clean(cc),
        bcc=_clean(bcc),
        reply_to=_clean(reply_to),
        from_email=settings.DEFAULT_FROM_EMAIL,
        subject=" ".join(subject.split())[:255],
        body_text=body_text,
        body_html=body_html,
        headers=headers or {},
    )
    for filename, content, mimetype in attachments:
        OutgoingEmailAttachment.objects.create(
            email=email, file=ContentFile(content, name=filename), filename=filename, mimetype=mimetype
        )
    run_async("portal.mail.tasks.deliver_email", email.pk)
    if settings.NEGE_TASKS_SYNC:
        email.refresh_from_db()
    return email


def send_templated_email(template_prefix, context, *, to, cc=(), bcc=(), reply_to=(), headers=None, attachments=()):
    """Render `<prefix>_subject.txt` and `<prefix>_body.txt` (and HTML) and queue the e-mail."""
    context = {"base_url": settings.BASE_URL, "site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
    body_text = render_to_string(f"{template_prefix}_body.txt", context)
    body_text += render_to_string("emails/signature.txt", context)
    try:
        body_html = render_to_string(f"{template_prefix}_body.html", context)
    except TemplateDoesNotExist:
        body_html = linebreaks(body_text, autoescape=True)
    body_html = render_to_string("emails/layout.html", {**context, "subject": subject, "content": body_html})
    return queue_email(
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        cc=cc,
        bcc=bcc,
        reply_to=reply_to,
        headers=headers,
        attachments=attachments,
    )


def _clean(addresses):
    if isinstance(addresses, str):
        addresses = [addresses]
    return [a.strip() for a in addresses if a and a.strip()]
