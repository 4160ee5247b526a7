"""Membership business rules as small pure functions (no database access).

Models, services, forms and screens call these; none of them restates a rule.
"""

import unicodedata
from datetime import timedelta

import nh3
from django.core.exceptions import ValidationError
from django.utils.html import linebreaks

from portal.accounts.roles import Role
from portal.organisations.enums import CategoryCode

from .enums import ApplicationState, Decision

# The review rule ------------------------------------------------------------------

REVIEW_DELAY = timedelta(days=15)  # "Votre demande sera traitée sous quinze jours" (seed 002)
REVIEW_DELAY_LABEL = "En attente depuis plus de 15 jours"


def review_cutoff(now):
    """Applications sent strictly before this moment have waited more than fifteen days."""
    return now - REVIEW_DELAY


def is_review_overdue(state, submitted_at, now):
    """Pending for more than fifteen days: flagged to the board and reminded daily."""
    return state == ApplicationState.PENDING and submitted_at is not None and submitted_at < review_cutoff(now)


def days_pending(state, submitted_at, now):
    if state != ApplicationState.PENDING or submitted_at is None:
        return None
    return (now - submitted_at).days


# Part 2 of the application ------------------------------------------------------------

HEADCOUNT_REQUIRED = "Indiquez un effectif supérieur à 0 pour au moins un territoire."
PRESENTATION_TAGS = {"p", "br", "strong", "b", "em", "i", "h3", "h4", "ul", "ol", "li", "a"}


def check_headcounts(headcounts):
    """At least one territory of the perimeter above zero (0 means "not in this territory")."""
    if not any(int(value or 0) for value in headcounts):
        raise ValidationError(HEADCOUNT_REQUIRED, code="no_territory")


def normalise_name(name):
    """Case-, accent- and space-insensitive key of an organisation name ("Société  Générale" == "societe generale")."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def clean_organisation_name(name):
    return " ".join((name or "").split())


def is_startup(company_type_name):
    """The "StartUp" company type of the reference list, however it is spelled."""
    return bool(company_type_name) and company_type_name.lower().replace(" ", "") == "startup"


def sanitise_presentation(text):
    """Keep the presentation's simple formatting, drop everything else; plain text becomes paragraphs."""
    text = (text or "").strip()
    if not text:
        return ""
    if "<" not in text:
        text = linebreaks(text, autoescape=True)
    return nh3.clean(text, tags=PRESENTATION_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"})


# The board's decision ---------------------------------------------------------------------

REFUSAL_NEEDS_A_REASON = "Indiquez le motif du refus : il sera transmis au demandeur."


def check_decision(decision, comment):
    """A refusal always carries its reason (it is e-mailed to the applicant)."""
    if decision == Decision.REFUSE and not (comment or "").strip():
        raise ValidationError({"comment": REFUSAL_NEEDS_A_REASON}, code="reason_required")


# Access requests ------------------------------------------------------------------------------

REQUESTABLE_ROLES = {
    CategoryCode.COMPANY: [Role.COMPANY_RECRUITER],
    CategoryCode.EMPLOYMENT_PARTNER: [Role.EMPLOYMENT_ADVISER],
}
ANY_REQUESTABLE_ROLE = [Role.COMPANY_RECRUITER, Role.EMPLOYMENT_ADVISER]


def requestable_roles(category_code):
    """The roles a referent may ask for, by the organisation's category (a company asks for recruiters)."""
    return REQUESTABLE_ROLES.get(category_code, ANY_REQUESTABLE_ROLE)
