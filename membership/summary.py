"""The whole application as sections of (label, value): e-mails, preview and the board's review screen."""

from .quotes import fee_text, organisation_fee


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
                    ("Ville de la direction régionale", organisation.city or "—"),
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
                    ("Cotisation annuelle attendue", fee_text(fee)),
                ],
            )
        )
    return sections
