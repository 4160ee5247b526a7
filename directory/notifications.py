"""E-mails of the directory: a visitor's message to a company, and its acknowledgement."""

from portal.mail.queue import send_templated_email


def send_contact_message(organisation, data, cv=None):
    """Queue the message to the company's HR contact or referent, then the acknowledgement.

    `cv`, when given, is a `portal.uploads.CheckedUpload`, sent as an attachment.

    The acknowledgement repeats neither the message nor the recipient's address: it must not
    turn the form into a way to send arbitrary text to arbitrary addresses, nor reveal who
    received it.
    """
    recipient = organisation.contact_recipient
    context = {
        "organisation": organisation,
        "sender_name": data["name"],
        "sender_email": data["email"],
        "sender_phone": data.get("phone", ""),
        "subject": data["subject"],
        "message": data["message"],
        "cv_filename": cv.name if cv else "",
    }
    attachments = [(cv.name, cv.file.read(), cv.content_type)] if cv else []
    message = send_templated_email(
        "directory/emails/contact_message",
        context,
        to=[recipient.email],
        reply_to=[data["email"]],
        attachments=attachments,
    )
    acknowledgement = send_templated_email(
        "directory/emails/contact_acknowledgement",
        {"organisation": organisation, "sender_name": data["name"], "with_cv": bool(cv)},
        to=[data["email"]],
    )
    return message, acknowledgement
