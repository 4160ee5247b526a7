"""Membership business operations: drafts, submission, the board's decision, access requests."""

import os
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.log_actions import log

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.organisations.enums import MembershipState
from portal.organisations.models import Organisation

from . import notifications
from .enums import AccountRequestState, ApplicationState
from .fees import compute_fee, format_euros
from .forms import draft_from_post
from .models import FeeGrid, MembershipApplication

REMINDER_INTERVAL = timedelta(hours=20)


class StateError(Exception):
    """The operation does not apply to the object's current state."""


def current_rules():
    grid = FeeGrid.objects.current()
    return grid.rules() if grid else None


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


def save_draft(application, data, logo=None):
    """Keep what was typed in part 2 (even invalid) and a logo that passed the checks."""
    application.draft_data = draft_from_post(data)
    application.organisation_name = " ".join((data.get("name") or "").split())[:255]
    application.sector = data.get("sector") or application.sector
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
    user = application.applicant
    organisation = Organisation.objects.create(
        name=data["name"],
        category=data["category"],
        head_office_department=data["head_office_department"],
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

    rules = current_rules()
    application.organisation = organisation
    application.organisation_name = organisation.name
    application.sector = data["sector"]
    application.expected_fee = form.quote(rules).amount if rules else None
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


# Fee -------------------------------------------------------------------------------


def organisation_fee(application):
    """The expected annual fee of a sent application, from its organisation as it is now."""
    organisation = application.organisation
    rules = current_rules()
    if organisation is None or rules is None:
        return None
    return compute_fee(
        rules,
        sector=application.sector,
        headcounts=[
            organisation.headcount_alsace,
            organisation.headcount_champagne_ardenne,
            organisation.headcount_lorraine,
        ],
        affiliated=organisation.affiliation_id is not None,
        startup=organisation.is_startup,
        syntec_pack=organisation.has_syntec_startup_pack,
    )


def draft_fee(form):
    rules = current_rules()
    return form.quote(rules) if rules and form.is_valid() else None


# Board decision ------------------------------------------------------------------------


@transaction.atomic
def accept_application(application, by, comment=""):
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.state != ApplicationState.PENDING:
        raise StateError("Seule une demande en attente de décision peut être acceptée.")
    if application.organisation is None:
        raise StateError("L'organisme de cette demande a été supprimé : la décision est impossible.")
    user = application.applicant
    user.is_active = True
    user.save(update_fields=["is_active"])
    user.groups.add(Group.objects.get(name=Role.ORGANISATION_REFERENT.value))
    organisation = application.organisation
    organisation.membership_state = MembershipState.ACCEPTED
    organisation.member_since = timezone.localdate()
    organisation.referent = user
    organisation.save(update_fields=["membership_state", "member_since", "referent", "updated_at"])
    _decide(application, ApplicationState.ACCEPTED, by, comment)
    return application


@transaction.atomic
def refuse_application(application, by, comment):
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
    """Daily: one e-mail to the President listing the applications pending for more than 15 days."""
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
    from .tokens import MAX_AGE

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


# Summary (e-mails, preview, review screen) ------------------------------------------------


def _names(queryset):
    return ", ".join(str(item) for item in queryset) or "—"


def application_summary(application):
    """[(section title, [(label, value), ...]), ...] of a sent application."""
    user = application.applicant
    organisation = application.organisation
    sections = [
        (
            "Référent de l'organisme",
            [
                ("Adresse de courriel", user.email),
                ("Nom d'utilisateur", user.username),
                ("Civilité", user.get_civility_display()),
                ("Nom", user.last_name),
                ("Prénom", user.first_name),
                ("Fonction", user.function),
                ("Téléphone mobile", user.mobile_phone),
                ("Téléphone fixe", user.landline_phone),
                ("Nom du site", user.workplace_name),
                ("Zone géographique", str(user.workplace_area or "N/A")),
                ("Adresse", user.workplace_address),
                ("Code Postal", user.workplace_postcode),
                ("Ville", user.workplace_city),
                ("Notifications", _names(user.news_categories.all())),
            ],
        )
    ]
    if organisation is not None:
        fee = organisation_fee(application)
        sections.append(
            (
                "Organisme",
                [
                    ("Raison sociale", organisation.name),
                    ("Catégorie d'organisme", str(organisation.category)),
                    ("Localisation de la direction régionale", str(organisation.head_office_department or "—")),
                    ("Site Web", organisation.website),
                    ("Type d'entreprise", str(organisation.company_type or "—")),
                    ("Activités principales", _names(organisation.activities.all())),
                    ("Localisation des établissements", _names(organisation.establishment_departments.all())),
                    ("Zones géographiques d'intervention", _names(organisation.intervention_departments.all())),
                    ("Affiliation à un organisme professionnel", str(organisation.affiliation or "Aucune")),
                    ("Contact des ressources humaines", str(organisation.hr_contact or "Le référent de l'organisme")),
                ],
            )
        )
        sections.append(
            (
                "Périmètre d'adhésion et cotisation",
                [
                    ("Adhésion pour l'Alsace", organisation.headcount_alsace),
                    ("Adhésion pour Champagne-Ardenne", organisation.headcount_champagne_ardenne),
                    ("Adhésion pour Lorraine", organisation.headcount_lorraine),
                    ("Effectif total", organisation.headcount),
                    ("Grille", application.get_sector_display()),
                    ("Startup", "Oui" if organisation.is_startup else "Non"),
                    ("Pack Startup Syntec Numérique", "Oui" if organisation.has_syntec_startup_pack else "Non"),
                    (
                        "Cotisation annuelle attendue",
                        _fee_text(fee),
                    ),
                ],
            )
        )
    return sections


def _fee_text(quote):
    if quote is None:
        return "—"
    band = "startup" if quote.band == "Startup" else f"tranche « {quote.band} »"
    return f"{format_euros(quote.amount)} ({band}, {quote.column.lower()})"


# Member self-service -----------------------------------------------------------------------


def request_account(organisation, requested_by, cleaned_data):
    from .models import AccountRequest

    account_request = AccountRequest.objects.create(
        organisation=organisation, requested_by=requested_by, **cleaned_data
    )
    admins = User.objects.filter(is_active=True, groups__name=Role.ADMINISTRATOR.value).exclude(email="").distinct()
    notifications.send_account_request_to_admins(account_request, [u.email for u in admins])
    return account_request


@transaction.atomic
def approve_account_request(account_request, by):
    """Create the colleague's account (active, no password yet) and send the link to choose one."""
    if account_request.state != AccountRequestState.PENDING:
        raise StateError("Cette demande a déjà été traitée.")
    if User.objects.filter(email__iexact=account_request.email).exists():
        raise StateError("Un compte existe déjà avec cette adresse de courriel.")
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
    user.groups.add(Group.objects.get(name=account_request.role))
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
