"""The old portal's column labels (French, as its screens and manuals name the fields), one table per entity.

Each `Column` maps a header of an export of the old portal to the key the importers read. Headers are compared
without accents, case, punctuation or the trailing "*" of mandatory fields (`recruitment.rules.normalize`).
`required` columns are the fields marked "*" in the manuals (seed 000 for the dossiers, seed 002 for the
organisations and their members): a row without one is refused.
"""

from dataclasses import dataclass

from recruitment.rules import normalize

# Several values in one cell (activities, départements, contexts, roles, documents).
SEPARATORS = (";", "\n", "|")


@dataclass(frozen=True)
class Column:
    label: str  # the old portal's label, as written in the sample files
    key: str
    required: bool = False
    aliases: tuple = ()


@dataclass(frozen=True)
class Entity:
    key: str
    label: str  # French, plural, for the report ("Organismes")
    noun: str  # French, singular ("organisme")
    columns: tuple
    marker: str  # a label only this entity's files carry (recognises a file)

    def column(self, key):
        return next(column for column in self.columns if column.key == key)

    def match(self, header):
        """The column of a header (None: not one of this entity's)."""
        wanted = normalize(str(header or "").replace("*", ""))
        for column in self.columns:
            if wanted in {normalize(name) for name in (column.label, *column.aliases)}:
                return column
        return None


ORGANISATIONS = Entity(
    key="organisations",
    label="Organismes",
    noun="organisme",
    marker="Raison sociale",
    columns=(
        Column("Raison sociale", "name", required=True),
        Column("Catégorie d'organisme", "category", required=True),
        Column("Localisation de la direction régionale", "head_office_department"),
        Column("Présentation", "presentation"),
        Column("Site Web", "website"),
        Column("Adresse", "address"),
        Column("Code postal", "postcode"),
        Column("Ville", "city"),
        Column("Type d'entreprise", "company_type"),
        Column("Activités principales", "activities"),
        Column("Localisation des établissements", "establishment_departments"),
        Column("Zones géographiques d'intervention", "intervention_departments"),
        Column("Affiliation à un organisme professionnel", "affiliation"),
        Column("Adhésion pour l'Alsace", "headcount_alsace"),
        Column("Adhésion pour Champagne-Ardenne", "headcount_champagne_ardenne"),
        Column("Adhésion pour Lorraine", "headcount_lorraine"),
        Column("État de l'adhésion", "membership_state"),
        Column("Adhérent depuis", "member_since"),
    ),
)

MEMBERS = Entity(
    key="members",
    label="Membres",
    noun="membre",
    marker="Nom d'utilisateur",
    columns=(
        Column("Adresse de courriel", "email", required=True),
        Column("Nom d'utilisateur", "username", required=True),
        Column("Civilité", "civility", required=True),
        Column("Nom", "last_name", required=True),
        Column("Prénom", "first_name", required=True),
        Column("Fonction", "function"),
        Column("Téléphone mobile", "mobile_phone"),
        Column("Téléphone fixe", "landline_phone"),
        Column("Organisme", "organisation", required=True),
        Column("Rôles", "roles", aliases=("Rôle",)),
        Column("Nom du site", "workplace_name"),
        Column("Zone géographique", "workplace_area"),
        Column("Adresse", "workplace_address"),
        Column("Code postal", "workplace_postcode"),
        Column("Ville", "workplace_city"),
        Column("Compte actif", "is_active"),
    ),
)

DOSSIERS = Entity(
    key="dossiers",
    label="Dossiers de candidature",
    noun="dossier",
    marker="Statut du dossier",
    columns=(
        # Identification
        Column("Civilité", "civility", required=True),
        Column("Nom", "last_name", required=True),
        Column("Prénom", "first_name", required=True),
        Column("Identifiant Pôle Emploi connu", "has_france_travail_id", required=True),
        Column("Identifiant Pôle Emploi", "france_travail_id", aliases=("Identifiant",)),
        Column("Bénéficiaire du RSA", "is_rsa_beneficiary", required=True),
        Column("Numéro CAF", "caf_number"),
        # Coordonnées
        Column("Bassin d'emploi", "employment_area", required=True),
        Column("Ville", "city", required=True),
        Column("N°", "street_number"),
        Column("Voie", "street"),
        Column("Code postal", "postcode"),
        Column("Téléphone", "phone"),
        Column("Mail", "email", aliases=("Adresse mail", "Courriel")),
        # Source d'information
        Column("Organisme principal accompagnant le candidat", "organisation", required=True),
        Column("Point de contact de l'organisme", "organisation_contact", required=True),
        Column("Etablissement/Agence", "agency"),
        Column("Nom du conseiller Emploi", "adviser_name"),
        Column("Coordonnées du conseiller Emploi", "adviser_contact"),
        Column("Canal de candidature", "channel", required=True),
        # Consentement
        Column("Consentement recueilli", "consent"),
        Column("Mode de recueil du consentement", "consent_method"),
        Column("Formulaire de consentement", "consent_file"),
        # Contexte, situation
        Column("Contexte spécifique de recherche d'emploi", "contexts"),
        Column("Situation du candidat", "situation", required=True),
        Column("Date de situation", "situation_date"),
        Column("Date de fin prévue", "situation_end_date"),
        Column("Note de suivi de la situation", "situation_note"),
        # Suivi du traitement, classification
        Column("Statut du dossier", "status", required=True),
        Column("Date du statut", "status_date"),
        Column("Commentaire sur le statut", "status_note"),
        Column("Classification", "classification"),
        Column("Date de classification", "classified_on"),
        Column("Raison de la classification Sans suite", "dismissal_reason"),
        # Documents (file names, found in the documents folder or zip)
        Column("CV du candidat", "cv"),
        Column("Autres documents", "other_documents"),
        Column("Documents internes", "internal_documents"),
    ),
)

# Imported in this order, whatever the order of the files: a member needs their organisation, a dossier
# its organisation and contact point.
ENTITIES = (ORGANISATIONS, MEMBERS, DOSSIERS)


def entity_of(headers):
    """The entity whose marker column the headers carry (the most specific first), or None."""
    for entity in (MEMBERS, DOSSIERS, ORGANISATIONS):
        if any(entity.match(header) is entity.column(_marker_key(entity)) for header in headers):
            return entity
    return None


def _marker_key(entity):
    return entity.match(entity.marker).key


def split_values(text):
    """The values of a multi-valued cell ("a ; b | c")."""
    text = str(text or "")
    for separator in SEPARATORS[1:]:
        text = text.replace(separator, SEPARATORS[0])
    return [part.strip() for part in text.split(SEPARATORS[0]) if part.strip()]
