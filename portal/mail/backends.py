"""An e-mail backend that puts messages in the queue instead of sending them.

It is Django's EMAIL_BACKEND, so e-mails sent by Django or Wagtail themselves (password reset,
moderation notifications) are recorded and retried like the portal's own. The worker delivers them
through the real transport, NEGE_EMAIL_BACKEND.
"""

from email.mime.base import MIMEBase

from django.core.mail.backends.base import BaseEmailBackend

from .queue import queue_email


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            html = next(
                (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
            )
            attachments = []
            for attachment in message.attachments:
                if isinstance(attachment, MIMEBase):
                    attachments.append(
                        (
                            attachment.get_filename() or "piece-jointe",
                            attachment.get_payload(decode=True),
                            attachment.get_content_type(),
                        )
                    )
                else:
                    filename, content, mimetype = attachment
                    attachments.append(
                        (
                            filename,
                            content.encode() if isinstance(content, str) else content,
                            mimetype or "application/octet-stream",
                        )
                    )
            queue_email(
                to=message.to,
                cc=message.cc,
                bcc=message.bcc,
                reply_to=message.reply_to,
                subject=message.subject,
                body_text=message.body,
                body_html=html,
                headers=message.extra_headers,
                attachments=attachments,
            )
        return len(email_messages)
