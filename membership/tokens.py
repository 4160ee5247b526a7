"""Signed links to resume a draft application (django.core.signing: no secret stored in the database)."""

from django.core import signing

SALT = "membership.application.resume"
MAX_AGE = 60 * 60 * 24 * 60  # sixty days to come back to part 2


def make_token(application):
    return signing.dumps({"application": application.pk, "user": application.applicant_id}, salt=SALT, compress=True)


def read_token(token):
    """(application pk, user pk) from a token, or None when it is forged or expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return data.get("application"), data.get("user")
