"""Membership business operations: drafts, submission, the board's decision, access requests.

Every path (public forms, extranet screens, commands, imports) goes through these functions; the
checks that need the database live here too, and raise a French ValidationError for the field.
"""

import os
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.log_actions import log

from portal.accounts.groups import groups_of
from portal.accounts.models import User
from portal.organisations.enums import MembershipState
from portal.organisations.models import Organisation

from . import notifications, perms, rules
from .enums import AccountRequestState, ApplicationState, Decision
from .models import AccountRequest, MembershipApplication
from .quotes import current_rules
from .tokens import MAX_AGE

REMINDER_INTERVAL = timedelta(hours=20)
DUPLICATE_EMAIL = "Cette adresse de courriel est déjà utilisée."
DRAFT_LINK_RESENT = (
    " Une demande d'adhésion commencée avec cette adresse existe : "
    "nous venons de vous renvoyer par courriel le lien pour la reprendre."
)
DUPLICATE_USERNAME = "Ce nom d'utilisateur est déjà utilisé."
DUPLICATE_ORGANISATION = (
    "Un organisme portant ce nom est déjà adhérent ou a déjà une demande d'adhésion en cours. "
    "Contactez l'association si vous pensez qu'il s'agit d'une erreur."
)
ACCOUNT_EXISTS = "Un compte existe déjà avec cette adresse de courriel."
ACCOUNT_REQUEST_PENDING = "Une demande d'accès est déjà en attente pour cette adresse de courriel."
ROLE_NOT_REQUESTABLE = "Ce rôle ne peut pas être demandé pour un organisme de cette catégorie."
NOT_A_REFERENT = "Seul le référent d'un organisme adhérent peut demander des accès."
NO_REFERENT_GROUP = "Aucun groupe ne donne les droits de référent d'organisme : vérifiez les groupes de l'extranet."


class StateError(Exception):
    """The operation does not apply to the object's current state."""


class EmailTaken(ValidationError):
    """The address is used; `draft` is the application its account started, if any (its link is resent)."""

    def __init__(self, draft):
        super().__init__(DUPLICATE_EMAIL + (DRAFT_LINK_RESENT if draft else ""), code="duplicate")
        self.draft = draft


# Checks of part 1 and part 2 ----------------------------------------------------------------


def check_email_free(email):
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        raise EmailTaken(existing.membership_applications.filter(state=ApplicationState.DRAFT).first())


def check_username_free(username):
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(DUPLICATE_USERNAME, code="duplicate")


def check_organisation_name(name, exclude_application=None):
    """No accepted or pending organisation, nor a sent application, may already have this name."""
    key = rules.normalise_name(name)
    names = Organisation.objects.filter(
        membership_state__in=[MembershipState.ACCEPTED, MembershipState.PENDING]
    ).values_list("name", flat=True)
    pending = MembershipApplication.objects.pending()
    if exclude_application is not None:
        pending = pending.exclude(pk=exclude_application.pk)
    others = [*names, *pending.values_list("organisation_name", flat=True)]
    if any(rules.normalise_name(other) == key for other in others):
        raise ValidationError(DUPLICATE_ORGANISATION, code="duplicate")


# Drafts and submission ---------------------------------------------------------


@transaction.atomic
def start_application(referent_form):
    """Part 1 saved: the inactive account, the draft application, and the link to come back to part 2."""
    user = referent_form.save(commit=False)
    user.conditions_accepted_at = timezone.now()
    user.save()
    referent_form.save_m2m()
    application = MembershipApplication.objects.create(applicant=user)
    notifications.send_resume_link(application)
    return application


def save_draft(application, draft_data, logo=None):
    """Keep what was typed in part 2 ({field: [values]}, even invalid) and a logo that passed the checks."""

    def typed(name):
        values = draft_data.get(name) or [""]
        return values[-1]

    application.draft_data = draft_data
    application.organisation_name = rules.clean_organisation_name(typed("name"))[:255]
    application.sector = typed("sector") or application.sector
    fields = ["draft_data", "organisation_name", "sector", "updated_at"]
    if logo is not None:
        if application.draft_logo:
            application.draft_logo.delete(save=False)
        application.draft_logo.save(os.path.basename(logo.name), logo, save=False)
        fields.append("draft_logo")
    application.save(update_fields=fields)


@transaction.atomic
def submit_application(application, form):
    """Create the pending organisation from a valid part 2 and notify the President and the applicant."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.state != ApplicationState.DRAFT:
        raise StateError("Cette demande a déjà été transmise.")
    data = form.cleaned_data
    check_organisation_name(data["name"], exclude_application=application)
    user = application.applicant
    organisation = Organisation.objects.create(
        name=data["name"],
        category=data["category"],
        head_office_department=data["head_office_department"],
        city=data["head_office_city"],
        presentation=data["presentation"],
        website=data["website"],
        company_type=data["company_type"],
        affiliation=data["affiliation"],
        referent=user,
        hr_contact=user if data["hr_contact"] == "referent" else None,
        membership_state=MembershipState.PENDING,
        headcount_alsace=data["headcount_alsace"],
        headcount_champagne_ardenne=data["headcount_champagne_ardenne"],
        headcount_lorraine=data["headcount_lorraine"],
        is_startup=form.is_startup,
        has_syntec_startup_pack=data["syntec_pack"],
    )
    organisation.activities.set(data["activities"])
    organisation.establishment_departments.set(data["establishment_departments"])
    organisation.intervention_departments.set(data["intervention_departments"])
    organisation.logo = _logo_image(application, organisation)
    organisation.save(update_fields=["logo"])
    user.organisation = organisation
    user.save(update_fields=["organisation"])

    grid_rules = current_rules()
    application.organisation = organisation
    application.organisation_name = organisation.name
    application.sector = data["sector"]
    application.expected_fee = form.quote(grid_rules).amount if grid_rules else None
    application.state = ApplicationState.PENDING
    application.submitted_at = timezone.now()
    application.save()
    log(instance=application, action="membership.submit", user=user)
    if application.draft_logo:
        # the logo now lives in the image library; drop the private draft copy once committed
        stored_name, storage = application.draft_logo.name, application.draft_logo.storage
        transaction.on_commit(lambda: storage.delete(stored_name))
        application.draft_logo = ""
        application.save(update_fields=["draft_logo"])
    notifications.send_application_submitted(application)
    return application


def _logo_image(application, organisation):
    if not application.draft_logo:
        return None
    with application.draft_logo.open("rb") as stored:
        content = stored.read()
    image = get_image_model()(
        title=f"Logo {organisation.name}",
        file=ContentFile(content, name=os.path.basename(application.draft_logo.name)),
    )
    image._set_image_file_metadata()
    image.save()
    return image


# Board decision ------------------------------------------------------------------------


@transaction.atomic
def accept_application(application, by, comment=""):
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.state != ApplicationState.PENDING:
        raise StateError("Seule une demande en attente de décision peut être acceptée.")
    if application.organisation is None:
        raise StateError("L'organisme de cette demande a été supprimé : la décision est impossible.")
    referent_groups = list(perms.referent_groups())
    if not referent_groups:
        raise StateError(NO_REFERENT_GROUP)
    user = application.applicant
    user.is_active = True
    user.save(update_fields=["is_active"])
    user.groups.add(*referent_groups)
    organisation = application.organisation
    organisation.membership_state = MembershipState.ACCEPTED
    organisation.member_since = timezone.localdate()
    organisation.referent = user
    organisation.save(update_fields=["membership_state", "member_since", "referent", "updated_at"])
    _decide(application, ApplicationState.ACCEPTED, by, comment)
    return application


@transaction.atomic
def refuse_application(application, by, comment):
    rules.check_decision(Decision.REFUSE, comment)
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.state != ApplicationState.PENDING:
        raise StateError("Seule une demande en attente de décision peut être refusée.")
    if application.organisation is None:
        raise StateError("L'organisme de cette demande a été supprimé : la décision est impossible.")
    organisation = application.organisation
    organisation.membership_state = MembershipState.REFUSED
    organisation.save(update_fields=["membership_state", "updated_at"])
    _decide(application, ApplicationState.REFUSED, by, comment)
    return application


def _decide(application, state, by, comment):
    application.state = state
    application.decided_at = timezone.now()
    application.decided_by = by
    application.decision_comment = comment.strip()
    application.save(update_fields=["state", "decided_at", "decided_by", "decision_comment", "updated_at"])
    action = "membership.accept" if state == ApplicationState.ACCEPTED else "membership.refuse"
    log(instance=application, action=action, user=by, data={"comment": application.decision_comment})
    notifications.send_decision(application)


def send_overdue_reminders(now=None):
    """Daily: one e-mail to the President listing the overdue applications (`rules.is_review_overdue`)."""
    now = now or timezone.now()
    overdue = list(
        MembershipApplication.objects.overdue(now).select_related("applicant", "organisation").order_by("submitted_at")
    )
    # at most once a day, even if the schedule runs twice
    if any(a.last_reminder_at and a.last_reminder_at > now - REMINDER_INTERVAL for a in overdue):
        return 0
    if not overdue:
        return 0
    if notifications.send_overdue_reminder(overdue) is None:
        return 0
    MembershipApplication.objects.filter(pk__in=[a.pk for a in overdue]).update(last_reminder_at=now)
    return len(overdue)


def purge_abandoned_drafts(now=None):
    """Daily: drop drafts nobody came back to before their link expired, with their never-used account.

    The account was created by part 1 and is still inactive: keeping it would hold the e-mail
    address and the username, and keep personal data without purpose.
    """
    limit = (now or timezone.now()) - timedelta(seconds=MAX_AGE)
    drafts = MembershipApplication.objects.filter(
        state=ApplicationState.DRAFT,
        updated_at__lt=limit,
        applicant__is_active=False,
        applicant__last_login__isnull=True,
        applicant__organisation__isnull=True,
    )
    user_ids = list(drafts.values_list("applicant_id", flat=True))
    deleted = 0
    for user in User.objects.filter(pk__in=user_ids):
        if not user.membership_applications.exclude(state=ApplicationState.DRAFT).exists():
            for application in user.membership_applications.all():
                if application.draft_logo:
                    application.draft_logo.delete(save=False)
            user.delete()
            deleted += 1
    return deleted


# Member self-service -----------------------------------------------------------------------


def check_account_request_email(email):
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(ACCOUNT_EXISTS, code="duplicate")
    if AccountRequest.objects.filter(email__iexact=email, state=AccountRequestState.PENDING).exists():
        raise ValidationError(ACCOUNT_REQUEST_PENDING, code="duplicate")


def request_account(requested_by, *, last_name, first_name, email, role):
    """A referent asks for a colleague's account; the approvers are told."""
    if not perms.can_request_accounts(requested_by):
        raise ValidationError(NOT_A_REFERENT, code="not_a_referent")
    organisation = requested_by.organisation
    email = email.strip().lower()
    check_account_request_email(email)
    if role not in rules.requestable_roles(organisation.category.code):
        raise ValidationError({"role": ROLE_NOT_REQUESTABLE}, code="role")
    account_request = AccountRequest.objects.create(
        organisation=organisation,
        requested_by=requested_by,
        last_name=last_name,
        first_name=first_name,
        email=email,
        role=role,
    )
    notifications.send_account_request_to_approvers(account_request)
    return account_request


@transaction.atomic
def approve_account_request(account_request, by):
    """Create the colleague's account (active, no password yet) and send the link to choose one."""
    if account_request.state != AccountRequestState.PENDING:
        raise StateError("Cette demande a déjà été traitée.")
    if User.objects.filter(email__iexact=account_request.email).exists():
        raise StateError(ACCOUNT_EXISTS)
    # The request names the role; its group is found by the role's key, whatever its name today.
    group = groups_of(account_request.role).first()
    if group is None:
        raise StateError(f"Le rôle « {account_request.role} » n'a plus de groupe : le compte ne peut pas être créé.")
    user = User(
        username=_free_username(account_request.email),
        email=account_request.email,
        first_name=account_request.first_name,
        last_name=account_request.last_name.upper(),
        organisation=account_request.organisation,
        is_active=True,
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(group)
    account_request.state = AccountRequestState.APPROVED
    account_request.created_user = user
    account_request.decided_at = timezone.now()
    account_request.decided_by = by
    account_request.save()
    log(instance=account_request, action="membership.account_approve", user=by)
    notifications.send_account_created(account_request, user)
    return user


@transaction.atomic
def refuse_account_request(account_request, by, comment=""):
    if account_request.state != AccountRequestState.PENDING:
        raise StateError("Cette demande a déjà été traitée.")
    account_request.state = AccountRequestState.REFUSED
    account_request.decided_at = timezone.now()
    account_request.decided_by = by
    account_request.comment = comment
    account_request.save()
    log(instance=account_request, action="membership.account_refuse", user=by)
    notifications.send_account_refused(account_request)


def _free_username(email):
    base = email.split("@")[0][:140] or "utilisateur"
    username, n = base, 2
    while User.objects.filter(username__iexact=username).exists():
        username, n = f"{base}{n}", n + 1
    return username


def hr_contact_candidates(organisation):
    """The HR contact is one of the organisation's active users."""
    return User.objects.filter(organisation=organisation, is_active=True)


def designate_hr_contact(organisation, contact):
    if contact is not None and not hr_contact_candidates(organisation).filter(pk=contact.pk).exists():
        raise ValidationError({"hr_contact": "Choisissez un utilisateur de votre organisme."}, code="outsider")
    organisation.hr_contact = contact
    organisation.save(update_fields=["hr_contact", "updated_at"])
