"""Permissions of the directory screens, per role (collected by `setup_roles`).

A referent edits only their own organisation's sheet: the model permission opens the screen,
the viewset's queryset (directory.viewsets) restricts it to `Organisation.referent == user`.
"""

from portal.accounts.roles import Role

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: [
        "directory.add_organisationsheet",
        "directory.change_organisationsheet",
        "directory.delete_organisationsheet",
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
