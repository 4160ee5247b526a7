"""Permissions of the news screens, per role (collected by `setup_roles`)."""

from portal.accounts.roles import Role

ROLE_PERMISSIONS = {
    # The "Listes de référence" entry of the news categories.
    Role.ADMINISTRATOR: [f"news.{action}_newscategory" for action in ("add", "change", "delete")],
}
