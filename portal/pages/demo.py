"""Demo pages and site settings: the association's pages, menu, footer and home page (idempotent)."""

from portal import demo
from portal.registry import DemoStep

from .models import ContentPage, SiteSettings


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
            f"Courriel : contact@{demo.DEMO_DOMAIN}",
            f"Commission Aide aux Actions de Recrutement : commission@{demo.DEMO_DOMAIN}",
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
            f"en écrivant à dpo@{demo.DEMO_DOMAIN}.",
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


def seed(stdout, *, candidates=0):
    site = demo.default_site()
    home = demo.home_page()
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


def seed_site_settings(site, pages):
    site_settings = SiteSettings.for_site(site)
    site_settings.president_email = f"president@{demo.DEMO_DOMAIN}"
    site_settings.commission_email = f"commission@{demo.DEMO_DOMAIN}"
    site_settings.contact_email = f"contact@{demo.DEMO_DOMAIN}"
    site_settings.footer_text = (
        "Numéric'Emploi Grand Est – le numérique, un job ! Site de démonstration : données fictives."
    )
    site_settings.legal_notice_page = pages["mentions-legales"]
    site_settings.save()
    for slug, title, _, _, in_menu in DEMO_PAGES:
        if in_menu:
            demo.add_menu_item(title.rstrip(" ?"), page=pages[slug], site=site)
    for slug in ("mentions-legales", "conditions-d-utilisation", "contact"):
        demo.add_menu_item(pages[slug].title, page=pages[slug], site=site, footer=True)


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
    home = demo.home_page()
    if home is None or home.body:
        return
    home.body = HOME_BODY
    home.save_revision().publish()
    stdout.write("Page d'accueil : contenu de démonstration ajouté.")


def seed_last(stdout, *, candidates=0):
    """After the apps' demos (they add their menu links): "Contact" closes the main menu; the home page gets content."""
    contact = demo.home_page().get_children().filter(slug="contact").first()
    if contact is not None:
        demo.add_menu_item("Contact", page=contact)
    seed_home(stdout)


DEMO_STEPS = [DemoStep(0, seed), DemoStep(900, seed_last)]
