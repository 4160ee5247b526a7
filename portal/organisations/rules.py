"""Rules of an organisation's sheet, checked by `Organisation.clean()` on every path (extranet sheet, membership
application, import): who may receive the directory's messages, what it may be affiliated to."""

from .enums import CategoryCode

HR_CONTACT_NOT_A_COLLEAGUE = "Le contact RH doit être un utilisateur actif de l'organisme."
AFFILIATION_NOT_A_PROFESSIONAL_BODY = "L'affiliation doit désigner un organisme professionnel adhérent de NEGE."
AFFILIATION_TO_ITSELF = "Un organisme ne peut pas être affilié à lui-même."


def hr_contact_refusal(organisation_id, contact):
    """Only an active colleague receives the directory's messages, never an outsider (None when allowed)."""
    if contact is None:
        return None
    if not contact.is_active or organisation_id is None or contact.organisation_id != organisation_id:
        return HR_CONTACT_NOT_A_COLLEAGUE
    return None


def affiliation_refusal(organisation_id, affiliation):
    """An organisation is affiliated to a professional body other than itself (None when allowed)."""
    if affiliation is None:
        return None
    if organisation_id is not None and affiliation.pk == organisation_id:
        return AFFILIATION_TO_ITSELF
    if affiliation.category is None or affiliation.category.code != CategoryCode.PROFESSIONAL_BODY:
        return AFFILIATION_NOT_A_PROFESSIONAL_BODY
    return None
