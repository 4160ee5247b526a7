"""What an applicant is told at the extranet login (collected by portal.accounts, see portal/registry.py)."""

from .models import MembershipApplication

PENDING_MESSAGE = (
    "Votre demande d'adhésion a bien été transmise et attend la décision du conseil d'administration : "
    "votre compte sera ouvert dès son acceptation, un courriel vous en informera."
)


def inactive_account_message(user):
    """The inactive account of an applicant whose application awaits the board's decision."""
    return PENDING_MESSAGE if MembershipApplication.objects.pending().filter(applicant=user).exists() else None
