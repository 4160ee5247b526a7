"""Who sees what in the directory's extranet screen "Annuaire"."""

from .models import OrganisationSheet

#: Every organisation's sheet, not only the one(s) the user is the referent of.
EDIT_ALL_SHEETS = "directory.edit_all_organisationsheets"
#: Category, membership, headcounts and referent of a sheet (the board's data, not the referent's).
MANAGE_MEMBERSHIP_FIELDS = "directory.manage_membership_fields"


def sheets_for(user):
    """The sheets `user` may see and edit in the extranet: all of them, or those they are the referent of."""
    if not user.is_authenticated or not user.is_active:
        return OrganisationSheet.objects.none()
    if user.has_perm(EDIT_ALL_SHEETS):
        return OrganisationSheet.objects.all()
    return OrganisationSheet.objects.filter(referent=user)
