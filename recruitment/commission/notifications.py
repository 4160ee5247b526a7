"""E-mails of the commission (always through the portal's queue)."""

from django.conf import settings
from django.urls import reverse

from portal.mail.queue import send_templated_email


def notify_dossiers_attached(session, candidates):
    """Tell the session's advisory recruiters which dossiers they will interview."""
    recipients = sorted({u.email for u in session.recruiters.all() if u.email and u.is_active})
    if not (recipients and candidates):
        return None
    return send_templated_email(
        "commission/emails/dossiers_attached",
        {
            "session": session,
            "candidates": [str(c) for c in candidates],
            "session_url": settings.BASE_URL + reverse("commission:session", args=[session.pk]),
        },
        to=recipients,
    )
