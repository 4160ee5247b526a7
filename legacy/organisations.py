"""Import of organisations and of their members, through the forms of their extranet screens.

An organisation is the one with the same name by the membership rule (`membership.rules.normalise_name`), a
member the account with the same username (case ignored); the account's e-mail stays unique (the model's
constraint). Imported accounts get no password: their holders choose one with "Mot de passe oublié ?".
"""

from django import forms
from django.forms import modelform_factory
from wagtail.log_actions import log as log_action

from directory.forms import OrganisationSheetForm
from membership.rules import clean_organisation_name, is_startup, sanitise_presentation
from portal.accounts.enums import Civility
from portal.accounts.groups import ensure_group
from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.organisations.enums import MembershipState
from portal.organisations.models import (
    Activity,
    CompanyType,
    Department,
    EmploymentArea,
    Organisation,
    OrganisationCategory,
)

from .columns import MEMBERS, ORGANISATIONS, split_values
from .lookups import Refusal, Row, find_department, find_organisation, form_reasons, unknown
from .report import Outcome

ORGANISATION_FIELDS = [
    "name",
    "category",
    "head_office_department",
    "presentation",
    "website",
    "address",
    "postcode",
    "city",
    "company_type",
    "activities",
    "establishment_departments",
    "intervention_departments",
    "affiliation",
    "membership_state",
    "member_since",
    "headcount_alsace",
    "headcount_champagne_ardenne",
    "headcount_lorraine",
    "is_startup",
]
OrganisationForm = modelform_factory(
    Organisation,
    form=OrganisationSheetForm,
    fields=ORGANISATION_FIELDS,
    widgets={"presentation": forms.Textarea},
)

MEMBER_FIELDS = [
    "username",
    "email",
    "civility",
    "last_name",
    "first_name",
    "function",
    "mobile_phone",
    "landline_phone",
    "organisation",
    "workplace_name",
    "workplace_area",
    "workplace_address",
    "workplace_postcode",
    "workplace_city",
    "is_active",
]
MemberForm = modelform_factory(User, fields=MEMBER_FIELDS)


def _pk(obj):
    return "" if obj is None else str(obj.pk)


def _pks(objects):
    return [str(obj.pk) for obj in objects]


def _number(row, key):
    value = row.text(key) or "0"
    if not value.isdigit():
        row.reasons.append(f"Nombre entier attendu pour « {row.entity.column(key).label} » : « {value} ».")
        return "0"
    return value


def import_organisation(row_values, context):
    """Create or update one organisation; returns (outcome, subject, changes)."""
    row = Row(ORGANISATIONS, row_values)
    name = clean_organisation_name(row.required("name"))
    departments = Department.objects.filter(is_active=True)
    company_type = row.reference("company_type", CompanyType.objects.filter(is_active=True))
    affiliation = None
    if row.text("affiliation"):
        affiliation = row.organisation("affiliation")
    data = {
        "name": name,
        "category": _pk(row.reference("category", OrganisationCategory.objects.filter(is_active=True))),
        "head_office_department": _pk(
            find_department(departments, row.text("head_office_department"))
            if row.text("head_office_department")
            else None
        ),
        "presentation": sanitise_presentation(row.text("presentation")),
        "website": row.text("website"),
        "address": row.text("address"),
        "postcode": row.text("postcode"),
        "city": row.text("city"),
        "company_type": _pk(company_type),
        "activities": _pks(row.references("activities", Activity.objects.filter(is_active=True))),
        "establishment_departments": _pks(row.references("establishment_departments", departments, find_department)),
        "intervention_departments": _pks(row.references("intervention_departments", departments, find_department)),
        "affiliation": _pk(affiliation),
        "membership_state": row.choice("membership_state", MembershipState) or MembershipState.ACCEPTED,
        "member_since": _iso(row.date("member_since")),
        "headcount_alsace": _number(row, "headcount_alsace"),
        "headcount_champagne_ardenne": _number(row, "headcount_champagne_ardenne"),
        "headcount_lorraine": _number(row, "headcount_lorraine"),
        "is_startup": "on" if company_type is not None and is_startup(company_type.name) else "",
    }
    if row.text("head_office_department") and not data["head_office_department"]:
        row.reasons.append(unknown(ORGANISATIONS.column("head_office_department"), row.text("head_office_department")))
    row.check()
    existing = find_organisation(name) if name else None
    form = OrganisationForm(data, instance=existing, for_user=context.user)
    if not form.is_valid():
        raise Refusal(form_reasons(ORGANISATIONS, form))
    if existing is not None and not form.has_changed():
        return Outcome.UNCHANGED, name, []
    changed = _changed_labels(form, ORGANISATIONS) if existing else []
    organisation = form.save()
    log_action(organisation, "wagtail.edit" if existing else "wagtail.create", user=context.user)
    return (Outcome.UPDATED if existing else Outcome.CREATED), organisation.name, changed


def import_member(row_values, context):
    """Create or update one extranet account with its organisation and roles."""
    row = Row(MEMBERS, row_values)
    username = row.required("username")
    for key in ("email", "last_name", "first_name"):
        row.required(key)
    organisation = row.organisation("organisation")
    roles = []
    for value in split_values(row.text("roles")):
        role = next((r for r in Role if r.label.casefold() == value.casefold()), None)
        if role is None or role == Role.ADMINISTRATOR:
            row.reasons.append(
                unknown(MEMBERS.column("roles"), value)
                if role is None
                else "Le rôle « Administrateur » ne s'importe pas : un administrateur le donne sur l'écran des "
                "utilisateurs."
            )
        else:
            roles.append(role)
    data = {
        "username": username,
        "email": row.text("email").lower(),
        "civility": row.choice("civility", Civility),
        "last_name": row.text("last_name"),
        "first_name": row.text("first_name"),
        "function": row.text("function"),
        "mobile_phone": row.text("mobile_phone"),
        "landline_phone": row.text("landline_phone"),
        "organisation": _pk(organisation),
        "workplace_name": row.text("workplace_name"),
        "workplace_area": _pk(row.reference("workplace_area", EmploymentArea.objects.filter(is_active=True))),
        "workplace_address": row.text("workplace_address"),
        "workplace_postcode": row.text("workplace_postcode"),
        "workplace_city": row.text("workplace_city"),
        "is_active": "on" if row.yes_no("is_active", default=True) else "",
    }
    row.check()
    existing = User.objects.filter(username__iexact=username).first()
    if existing is not None and existing.is_superuser:
        raise Refusal(["Ce compte est celui d'un administrateur du portail : il ne se modifie pas par import."])
    form = MemberForm(data, instance=existing)
    if not form.is_valid():
        raise Refusal(form_reasons(MEMBERS, form))
    groups = [ensure_group(role) for role in roles]
    missing_groups = [g for g in groups if existing is None or not existing.groups.filter(pk=g.pk).exists()]
    subject = f"{data['last_name'].upper()} {data['first_name']} ({username})"
    if existing is not None and not form.has_changed() and not missing_groups:
        return Outcome.UNCHANGED, subject, []
    changed = _changed_labels(form, MEMBERS) if existing else []
    if existing is not None and missing_groups:
        changed.append("« Rôles » : " + ", ".join(g.name for g in missing_groups))
    user = form.save(commit=False)
    if existing is None:
        user.set_unusable_password()
    user.save()
    user.groups.add(*missing_groups)
    log_action(user, "wagtail.edit" if existing else "wagtail.create", user=context.user)
    return (Outcome.UPDATED if existing else Outcome.CREATED), subject, changed


def _changed_labels(form, entity):
    labels = {column.key: column.label for column in entity.columns}
    return ["Modifié : " + ", ".join(f"« {labels.get(name, name)} »" for name in form.changed_data)]


def _iso(value):
    return value.isoformat() if value else ""
