"""Demo users: one or more per role, attached to the demo organisations (idempotent)."""

from django.utils import timezone

from portal import demo
from portal.organisations.demo import DEMO_ORGANISATIONS, demo_organisation
from portal.organisations.models import EmploymentArea, Organisation
from portal.registry import DemoStep

from .groups import groups_of
from .models import User
from .roles import Role

ADVISER = ("Conseiller Emploi", "Conseillère Emploi")
RECRUITER = ("Chargé de recrutement", "Chargée de recrutement")
# username, roles, organisation key, function (one wording, or the wordings for "M." and "Mme"), extra fields
DEMO_USERS = [
    (
        "admin",
        [Role.ADMINISTRATOR],
        None,
        ("Administrateur du portail", "Administratrice du portail"),
        {"is_superuser": True, "is_staff": True},
    ),
    ("redacteur", [Role.EDITOR], None, ("Chargé de communication", "Chargée de communication"), {}),
    (
        "president",
        [Role.PRESIDENT],
        "professional-a",
        ("Président de l'association", "Présidente de l'association"),
        {},
    ),
    ("referent.a", [Role.EMPLOYMENT_ADVISER], "partner-a", ADVISER, {"area": "Alsace / Bas-Rhin"}),
    ("referent.b", [Role.EMPLOYMENT_ADVISER], "partner-b", ADVISER, {"area": "Lorraine / Moselle"}),
    ("pilote", [Role.SESSION_PILOT], "company-d", "Responsable des ressources humaines", {}),
    ("conseil", [Role.ADVISORY_RECRUITER], "company-c", RECRUITER, {}),
    ("adc", [Role.TRAINING_COMMISSION], "training-a", "Responsable pédagogique", {}),
    (
        "recruteur.a",
        [Role.COMPANY_RECRUITER, Role.ORGANISATION_REFERENT],
        "company-a",
        "Responsable recrutement",
        {"area": "Alsace / Bas-Rhin"},
    ),
    ("recruteur.a2", [Role.COMPANY_RECRUITER], "company-a", RECRUITER, {"area": "Alsace / Bas-Rhin"}),
    ("recruteur.b", [Role.COMPANY_RECRUITER], "company-b", RECRUITER, {"area": "Alsace / Haut-Rhin"}),
]

# Organisation key → username of its referent; the other organisations get a generated
# referent ("referent.<key>") with the role "Référent de l'organisme".
REFERENTS = {
    "partner-a": "referent.a",
    "partner-b": "referent.b",
    "company-a": "recruteur.a",
    "company-b": "recruteur.b",
}
HR_CONTACTS = {"company-a": "recruteur.a2"}


def _ensure_user(username, roles, organisation, function, extra, password):
    fake = demo.faker(username)
    civility, first_name = ("Mme", fake.first_name_female()) if fake.boolean() else ("M.", fake.first_name_male())
    if isinstance(function, tuple):
        function = function[civility == "Mme"]  # the function agrees with the civility
    area = extra.get("area")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@{demo.DEMO_DOMAIN}",
            "civility": civility,
            "first_name": first_name,
            "last_name": fake.last_name().upper(),
            "function": function,
            "organisation": organisation,
            "mobile_phone": fake.numerify("06 39 98 ## ##"),  # ARCEP range kept for fiction
            "workplace_area": EmploymentArea.objects.filter(name=area).first() if area else None,
            "workplace_city": organisation.city if organisation else "",
            "conditions_accepted_at": timezone.now(),
            "is_superuser": extra.get("is_superuser", False),
            "is_staff": extra.get("is_staff", False),
        },
    )
    if created:
        demo.set_demo_password(user, password)
        user.save(update_fields=["password"])
    user.groups.add(*groups_of(*roles))
    return created


def seed(stdout, *, candidates=0):
    password = demo.demo_password()
    created = 0
    for username, roles, org_key, function, extra in DEMO_USERS:
        created += _ensure_user(
            username, roles, demo_organisation(org_key) if org_key else None, function, extra, password
        )
    for key, *_ in DEMO_ORGANISATIONS:
        org = demo_organisation(key)
        username = REFERENTS.get(key)
        if username is None:
            username = f"referent.{key}"
            created += _ensure_user(
                username,
                [Role.ORGANISATION_REFERENT],
                org,
                ("Référent de l'organisme", "Référente de l'organisme"),
                {},
                password,
            )
        if org.referent_id is None:
            org.referent = demo.demo_user(username)
            org.save(update_fields=["referent"])
    for key, username in HR_CONTACTS.items():
        Organisation.objects.filter(pk=demo_organisation(key).pk, hr_contact__isnull=True).update(
            hr_contact=demo.demo_user(username)
        )
    stdout.write(
        f"Utilisateurs : {created} créé(s) (mot de passe : variable DEMO_PASSWORD ou « {demo.DEFAULT_PASSWORD} »)."
    )


DEMO_STEPS = [DemoStep(20, seed)]
