"""Permissions of the directory screens, per role (collected by `setup_roles`).

A referent edits only the sheet(s) of the organisation(s) they are the referent of
(`perms.sheets_for`); `edit_all_organisationsheets` lifts that restriction.
"""

from portal.accounts.roles import Role

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: [
        "directory.add_organisationsheet",
        "directory.change_organisationsheet",
        "directory.delete_organisationsheet",
        "directory.edit_all_organisationsheets",
        "directory.manage_membership_fields",
        "wagtailimages.choose_image",
    ],
    Role.ORGANISATION_REFERENT: [
        "directory.change_organisationsheet",
        # The logo: upload one, or pick the one already uploaded.
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
    ],
}
