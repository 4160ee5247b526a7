"""Fictitious demo data of the site-wide pieces (pages, settings, organisations, users).

`manage.py seed_demo` calls `seed_base()` and then every app's `<app>.demo.seed()`. The
helpers below (`demo_user`, `demo_organisation`, `add_menu_item`, `faker`) are meant for those
app modules. Everything is idempotent: entries are looked up by a stable key (slug, username)
and created only when missing.
"""

import os
import zlib
from datetime import date

from django.contrib.auth.models import Group
from django.utils import timezone
from faker import Faker
from wagtail.models import Site

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.organisations.enums import CategoryCode, MembershipState
from portal.organisations.models import (
    Activity,
    CompanyType,
    Department,
    EmploymentArea,
    Organisation,
    OrganisationCategory,
)
from portal.pages.models import ContentPage, HomePage, SiteSettings

DEMO_DOMAIN = "nege.test"
DEFAULT_PASSWORD = "nege-demo"


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD


def faker(key=""):
    """A French Faker whose output depends only on `key` (same data on every run)."""
    fake = Faker("fr_FR")
    fake.seed_instance(zlib.crc32(key.encode()))
    return fake


def demo_user(username):
    """A demo user by username, or None when it does not exist."""
    return User.objects.filter(username=username).first()


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------

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


def seed_organisations(stdout):
    activities = list(Activity.objects.order_by("order", "name"))
    departments = {d.code: d for d in Department.objects.all()}
    created = 0
    for (
        _key,
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
        fake = faker(slug)
        org, is_new = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "category": OrganisationCategory.objects.get(code=category),
                "membership_state": MembershipState.ACCEPTED,
                "member_since": date(2019, 1, 1).replace(month=fake.random_int(1, 12)),
                "company_type": CompanyType.objects.filter(name=company_type).first(),
                "head_office_department": departments.get(head_office),
                "presentation": f"<p>{PRESENTATIONS[category].format(name=name)}</p>"
                f"<p>{fake.paragraph(nb_sentences=3)}</p>",
                "website": f"https://www.{slug[:40]}.{DEMO_DOMAIN}",
                "address": fake.street_address(),
                "postcode": fake.postcode(),
                "city": fake.city(),
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


# ---------------------------------------------------------------------------------------------
# Users
# ---------------------------------------------------------------------------------------------

# username, roles, organisation key, function, extra fields
DEMO_USERS = [
    ("admin", [Role.ADMINISTRATOR], None, "Administrateur du portail", {"is_superuser": True, "is_staff": True}),
    ("redacteur", [Role.EDITOR], None, "Chargée de communication", {}),
    ("president", [Role.PRESIDENT], "professional-a", "Président de l'association", {}),
    ("referent.a", [Role.EMPLOYMENT_ADVISER], "partner-a", "Conseillère Emploi", {"area": "Alsace / Bas-Rhin"}),
    ("referent.b", [Role.EMPLOYMENT_ADVISER], "partner-b", "Conseiller Emploi", {"area": "Lorraine / Moselle"}),
    ("pilote", [Role.SESSION_PILOT], "company-d", "Responsable des ressources humaines", {}),
    ("conseil", [Role.ADVISORY_RECRUITER], "company-c", "Chargé de recrutement", {}),
    ("adc", [Role.TRAINING_COMMISSION], "training-a", "Responsable pédagogique", {}),
    (
        "recruteur.a",
        [Role.COMPANY_RECRUITER, Role.ORGANISATION_REFERENT],
        "company-a",
        "Responsable recrutement",
        {"area": "Alsace / Bas-Rhin"},
    ),
    ("recruteur.a2", [Role.COMPANY_RECRUITER], "company-a", "Chargée de recrutement", {"area": "Alsace / Bas-Rhin"}),
    ("recruteur.b", [Role.COMPANY_RECRUITER], "company-b", "Chargé de recrutement", {"area": "Alsace / Haut-Rhin"}),
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
    fake = faker(username)
    civility, first_name = ("Mme", fake.first_name_female()) if fake.boolean() else ("M.", fake.first_name_male())
    area = extra.get("area")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@{DEMO_DOMAIN}",
            "civility": civility,
            "first_name": first_name,
            "last_name": fake.last_name().upper(),
            "function": function,
            "organisation": organisation,
            "mobile_phone": fake.numerify("06 ## ## ## ##"),
            "workplace_area": EmploymentArea.objects.filter(name=area).first() if area else None,
            "workplace_city": organisation.city if organisation else "",
            "conditions_accepted_at": timezone.now(),
            "is_superuser": extra.get("is_superuser", False),
            "is_staff": extra.get("is_staff", False),
        },
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(*Group.objects.filter(name__in=[Role(r).value for r in roles]))
    return created


def seed_users(stdout):
    password = demo_password()
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
                username, [Role.ORGANISATION_REFERENT], org, "Référent de l'organisme", {}, password
            )
        if org.referent_id is None:
            org.referent = demo_user(username)
            org.save(update_fields=["referent"])
    for key, username in HR_CONTACTS.items():
        Organisation.objects.filter(pk=demo_organisation(key).pk, hr_contact__isnull=True).update(
            hr_contact=demo_user(username)
        )
    stdout.write(f"Utilisateurs : {created} créé(s) (mot de passe : variable DEMO_PASSWORD ou « {DEFAULT_PASSWORD} »).")


# ---------------------------------------------------------------------------------------------
# Pages and site settings
# ---------------------------------------------------------------------------------------------


def _paragraphs(*texts):
    return [{"type": "paragraph", "value": "".join(f"<p>{t}</p>" for t in texts)}]


def _section(heading, *texts):
    return [{"type": "heading", "value": heading}, *_paragraphs(*texts)]


# slug, title, intro, body, in the main menu
DEMO_PAGES = [
    (
        "qui-sommes-nous",
        "Qui sommes-nous ?",
        "Numéric'Emploi Grand Est rassemble les employeurs du numérique de la région et les acteurs de l'emploi.",
        _section(
            "Notre mission",
            "L'association réunit les entreprises du secteur numérique du Grand Est (Alsace, Lorraine, "
            "Champagne-Ardenne), les partenaires Emploi qui accompagnent les personnes en recherche d'emploi, "
            "les organismes de formation et les financeurs publics.",
            "Son objectif : permettre aux demandeurs d'emploi, aux personnes en reconversion et aux personnes "
            "éloignées de l'emploi d'accéder aux métiers du numérique.",
        )
        + _section(
            "Nos commissions",
            "La commission <b>Aide aux Actions de Recrutement</b> reçoit les candidats présentés par les "
            "partenaires Emploi et qualifie leur employabilité lors d'entretiens conseil.",
            "La commission <b>Adaptation et Développement des Compétences</b> construit des parcours de "
            "formation avec les entreprises qui recrutent.",
        ),
        True,
    ),
    (
        "nos-actions",
        "Nos actions",
        "Des sessions de recrutement, un vivier de candidats qualifiés et des formations pré-recrutement.",
        _section(
            "Pour les entreprises",
            "Les chargés de recrutement des entreprises adhérentes consultent le vivier des candidats classés "
            "« Employable » ou « Adaptable » et suivent leurs démarches dans leur portefeuille.",
        )
        + _section(
            "Pour les personnes en recherche d'emploi",
            "Votre conseiller Emploi peut présenter votre candidature à la commission : un recruteur conseil "
            "vous reçoit en entretien et vous oriente vers un emploi ou une formation adaptée.",
        ),
        True,
    ),
    (
        "contact",
        "Contact",
        "Une question sur l'association, l'adhésion ou les commissions ? Écrivez-nous.",
        _paragraphs(
            f"Courriel : contact@{DEMO_DOMAIN}",
            f"Commission Aide aux Actions de Recrutement : commission@{DEMO_DOMAIN}",
            "Adresse : 1 place de l'Exemple, 67000 Strasbourg (adresse fictive de démonstration).",
        ),
        False,  # added last to the menu, after the apps' links (see `seed_last`)
    ),
    (
        "mentions-legales",
        "Mentions légales",
        "",
        _section(
            "Éditeur",
            "Numéric'Emploi Grand Est, association de droit local. Site de démonstration : toutes les "
            "personnes, organismes et coordonnées qui y figurent sont fictifs.",
        )
        + _section(
            "Données personnelles",
            "Les données collectées sont utilisées uniquement pour l'accompagnement vers l'emploi et "
            "l'animation du réseau. Vous disposez d'un droit d'accès, de rectification et d'effacement "
            f"en écrivant à dpo@{DEMO_DOMAIN}.",
        ),
        False,
    ),
    (
        "conditions-d-utilisation",
        "Conditions d'utilisation des données",
        "Comment les données des candidats sont collectées, traitées et diffusées.",
        _paragraphs(
            "Avec son consentement, les informations du candidat sont enregistrées par son conseiller Emploi "
            "et étudiées par les membres de la commission Aide aux Actions de Recrutement.",
            "Si le candidat est classé « Employable » ou « Adaptable », son profil est consulté par les "
            "chargés de recrutement des entreprises adhérentes. Ces informations ne sont jamais publiées "
            "sur le site public.",
            "Le candidat peut retirer son consentement à tout moment auprès de son conseiller Emploi.",
        ),
        False,
    ),
]


def _default_site():
    return Site.objects.filter(is_default_site=True).select_related("root_page").first() or Site.objects.first()


def home_page():
    """The home page of the default site (apps attach their index pages under it)."""
    site = _default_site()
    return site.root_page.specific if site else HomePage.objects.first()


def seed_pages(stdout):
    site = _default_site()
    home = home_page()
    pages, created = {}, 0
    for slug, title, intro, body, _ in DEMO_PAGES:
        page = home.get_children().filter(slug=slug).first()
        if page is None:
            page = home.add_child(instance=ContentPage(title=title, slug=slug, intro=intro, body=body))
            page.save_revision().publish()
            created += 1
        pages[slug] = page
    stdout.write(f"Pages : {created} créée(s).")
    if site is not None:
        seed_site_settings(site, pages)


def add_menu_item(label, *, page=None, url="", site=None, footer=False):
    """Add a link to the main menu (or the footer) unless one with this label exists."""
    site = site or _default_site()
    site_settings = SiteSettings.for_site(site)
    items = site_settings.footer_links if footer else site_settings.menu_items
    if not items.filter(label=label).exists():
        order = items.count()
        items.model.objects.create(settings=site_settings, label=label, page=page, url=url, sort_order=order)


def seed_site_settings(site, pages):
    site_settings = SiteSettings.for_site(site)
    site_settings.president_email = f"president@{DEMO_DOMAIN}"
    site_settings.commission_email = f"commission@{DEMO_DOMAIN}"
    site_settings.contact_email = f"contact@{DEMO_DOMAIN}"
    site_settings.footer_text = (
        "Numéric'Emploi Grand Est – le numérique, un job ! Site de démonstration : données fictives."
    )
    site_settings.legal_notice_page = pages["mentions-legales"]
    site_settings.save()
    for slug, title, _, _, in_menu in DEMO_PAGES:
        if in_menu:
            add_menu_item(title.rstrip(" ?"), page=pages[slug], site=site)
    for slug in ("mentions-legales", "conditions-d-utilisation", "contact"):
        add_menu_item(pages[slug].title, page=pages[slug], site=site, footer=True)


def seed_base(stdout):
    """Pages, settings, organisations and users (the reference lists and roles must exist)."""
    seed_pages(stdout)
    seed_organisations(stdout)
    seed_users(stdout)


def _call_to_action(title, text, url, button_label):
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": text, "page": None, "url": url, "button_label": button_label},
    }


HOME_BODY = [
    *_section(
        "Le numérique, un job !",
        "Les entreprises du numérique du Grand Est peinent à recruter ; des personnes en recherche d'emploi ou "
        "en reconversion ont le potentiel pour ces métiers. Numéric'Emploi Grand Est les rapproche : les "
        "partenaires Emploi présentent des candidats, une commission de recruteurs expérimentés qualifie leur "
        "employabilité, et les entreprises adhérentes recrutent dans ce vivier.",
    ),
    _call_to_action(
        "Trouver une entreprise ou un partenaire",
        "Parcourez l'annuaire des adhérents et écrivez au service des ressources humaines d'une entreprise.",
        "/annuaire/",
        "Consulter l'annuaire",
    ),
    _call_to_action(
        "Rejoindre le réseau",
        "Entreprises, partenaires Emploi, organismes de formation : découvrez la cotisation et déposez votre "
        "demande d'adhésion en ligne.",
        "/adherer/",
        "Devenir adhérent",
    ),
    {
        "type": "quote",
        "value": {
            "quote": "Fédérer les énergies des acteurs régionaux pour soutenir le développement des compétences "
            "et la création d'emplois.",
            "author": "Numéric'Emploi Grand Est",
        },
    },
]


def seed_home(stdout):
    """Give the home page its demo content once (an editor's later changes are kept)."""
    home = home_page()
    if home is None or home.body:
        return
    home.body = HOME_BODY
    home.save_revision().publish()
    stdout.write("Page d'accueil : contenu de démonstration ajouté.")


def seed_last(stdout):
    """What comes after the apps' demos: "Contact" closes the main menu; the home page gets content."""
    contact = home_page().get_children().filter(slug="contact").first()
    if contact is not None:
        add_menu_item("Contact", page=contact)
    seed_home(stdout)
