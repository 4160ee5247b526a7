"""Demo organisations: members of every category, with their geography and affiliations (idempotent)."""

from datetime import date

from portal import demo
from portal.demo_places import STREETS, town_in_department
from portal.registry import DemoStep

from .demo_texts import DETAILS
from .enums import CategoryCode, MembershipState
from .models import Activity, CompanyType, Department, Organisation, OrganisationCategory

# key, slug, name, category, company type, activities (indexes in the reference list),
# head office department, departments of establishments, departments of intervention,
# headcount (Alsace, Champagne-Ardenne, Lorraine).
DEMO_ORGANISATIONS = [
    (
        "company-a",
        "entreprise-a-numeria-solutions",
        "Entreprise A – Numéria Solutions",
        CategoryCode.COMPANY,
        "PME : 10-250 personnes",
        [3, 4],
        "67",
        ["67", "68"],
        ["67", "68", "57"],
        (45, 0, 12),
    ),
    (
        "company-b",
        "entreprise-b-logiciels-rhenans",
        "Entreprise B – Logiciels Rhénans",
        CategoryCode.COMPANY,
        "TPE : 1-9 personnes",
        [0],
        "68",
        ["68"],
        ["67", "68", "90"],
        (8, 0, 0),
    ),
    (
        "company-c",
        "cyberstep-lorraine",
        "Cyberstep Lorraine",
        CategoryCode.COMPANY,
        "StartUp",
        [0, 1],
        "54",
        ["54"],
        ["54", "57", "88"],
        (0, 0, 6),
    ),
    (
        "company-d",
        "datavalor-champagne",
        "Datavalor Champagne",
        CategoryCode.COMPANY,
        "ETI : 251-5000 personnes",
        [2, 3, 5],
        "51",
        ["51", "10", "08"],
        ["08", "10", "51", "52"],
        (0, 320, 40),
    ),
    (
        "partner-a",
        "partenaire-emploi-a-agence-strasbourg",
        "Partenaire Emploi A – Agence Emploi Strasbourg Centre",
        CategoryCode.EMPLOYMENT_PARTNER,
        "Organisme public",
        [],
        "67",
        ["67"],
        ["67"],
        (0, 0, 0),
    ),
    (
        "partner-b",
        "partenaire-emploi-b-mission-locale-metz",
        "Partenaire Emploi B – Mission locale du Pays Messin",
        CategoryCode.EMPLOYMENT_PARTNER,
        "Organisme public",
        [],
        "57",
        ["57"],
        ["57", "54"],
        (0, 0, 0),
    ),
    (
        "partner-c",
        "cap-insertion-marne",
        "Cap Insertion Marne",
        CategoryCode.EMPLOYMENT_PARTNER,
        "N/A",
        [],
        "51",
        ["51"],
        ["51", "08"],
        (0, 0, 0),
    ),
    (
        "training-a",
        "academie-du-code-grand-est",
        "Académie du Code Grand Est",
        CategoryCode.TRAINING_PARTNER,
        "PME : 10-250 personnes",
        [],
        "67",
        ["67", "57", "51"],
        ["67", "68", "57", "51"],
        (0, 0, 0),
    ),
    (
        "training-b",
        "institut-des-metiers-numeriques-de-reims",
        "Institut des Métiers Numériques de Reims",
        CategoryCode.TRAINING_PARTNER,
        "PME : 10-250 personnes",
        [],
        "51",
        ["51"],
        ["51", "10", "08", "52"],
        (0, 0, 0),
    ),
    (
        "support-a",
        "fondation-territoires-numeriques",
        "Fondation Territoires Numériques",
        CategoryCode.SUPPORT_PARTNER,
        "N/A",
        [],
        "57",
        ["57"],
        ["67", "68", "54", "55", "57", "88", "08", "10", "51", "52"],
        (0, 0, 0),
    ),
    (
        "professional-a",
        "syndicat-des-entreprises-numeriques-de-l-est",
        "Syndicat des Entreprises Numériques de l'Est",
        CategoryCode.PROFESSIONAL_BODY,
        "N/A",
        [],
        "67",
        ["67"],
        ["67", "68", "54", "55", "57", "88", "08", "10", "51", "52"],
        (0, 0, 0),
    ),
    (
        "professional-b",
        "cluster-numerique-champagne-lorraine",
        "Cluster Numérique Champagne-Lorraine",
        CategoryCode.PROFESSIONAL_BODY,
        "N/A",
        [],
        "54",
        ["54", "51"],
        ["54", "55", "57", "88", "08", "10", "51", "52"],
        (0, 0, 0),
    ),
]

# Companies affiliated to a professional body (reduced fee, DESIGN.md section 2).
AFFILIATIONS = {"company-a": "professional-a", "company-c": "professional-b"}

_ORGANISATION_SLUGS = {row[0]: row[1] for row in DEMO_ORGANISATIONS}

PRESENTATIONS = {
    CategoryCode.COMPANY: "Entreprise du numérique implantée dans le Grand Est, {name} accompagne ses clients "
    "dans leurs projets de transformation numérique et recrute régulièrement des profils techniques.",
    CategoryCode.EMPLOYMENT_PARTNER: "{name} accompagne les personnes en recherche d'emploi de son territoire "
    "et leur fait découvrir les métiers du numérique avec Numéric'Emploi Grand Est.",
    CategoryCode.TRAINING_PARTNER: "{name} propose des formations qualifiantes aux métiers du numérique : "
    "développement, administration systèmes et réseaux, support et data.",
    CategoryCode.SUPPORT_PARTNER: "{name} soutient les actions de l'association en faveur de l'emploi dans le "
    "secteur numérique du Grand Est.",
    CategoryCode.PROFESSIONAL_BODY: "{name} fédère les entreprises du numérique de la région et représente "
    "leurs intérêts auprès des pouvoirs publics.",
}


def demo_organisation(key):
    """A demo organisation by key ("partner-a", "partner-b", "company-a", "company-b"…), or None."""
    slug = _ORGANISATION_SLUGS.get(key)
    return Organisation.objects.filter(slug=slug).first() if slug else None


def seed(stdout, *, candidates=0):
    activities = list(Activity.objects.order_by("order", "name"))
    departments = {d.code: d for d in Department.objects.all()}
    created = 0
    for (
        key,
        slug,
        name,
        category,
        company_type,
        activity_idx,
        head_office,
        establishments,
        interventions,
        hc,
    ) in DEMO_ORGANISATIONS:
        fake = demo.faker(slug)
        town, postcode = town_in_department(head_office, None)
        org, is_new = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "category": OrganisationCategory.objects.get(code=category),
                "membership_state": MembershipState.ACCEPTED,
                "member_since": date(2019, 1, 1).replace(month=fake.random_int(1, 12)),
                "company_type": CompanyType.objects.filter(name=company_type).first(),
                "head_office_department": departments.get(head_office),
                "presentation": f"<p>{PRESENTATIONS[category].format(name=name)}</p><p>{DETAILS.get(key, '')}</p>",
                "website": f"https://www.{slug[:40]}.{demo.DEMO_DOMAIN}",
                "address": f"{fake.random_int(1, 80)} {fake.random_element(STREETS)}",
                "postcode": postcode,
                "city": town,
                "headcount_alsace": hc[0],
                "headcount_champagne_ardenne": hc[1],
                "headcount_lorraine": hc[2],
                "is_startup": company_type == "StartUp",
            },
        )
        if is_new:
            created += 1
            org.activities.set([activities[i] for i in activity_idx if i < len(activities)])
            org.establishment_departments.set([departments[c] for c in establishments if c in departments])
            org.intervention_departments.set([departments[c] for c in interventions if c in departments])
    for key, body_key in AFFILIATIONS.items():
        Organisation.objects.filter(slug=_ORGANISATION_SLUGS[key], affiliation__isnull=True).update(
            affiliation=demo_organisation(body_key)
        )
    stdout.write(f"Organismes : {created} créé(s), {len(DEMO_ORGANISATIONS)} au total.")


DEMO_STEPS = [DemoStep(10, seed)]
