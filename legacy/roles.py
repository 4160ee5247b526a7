"""Permission of the import from the old portal (collected by `setup_roles`): administrators only."""

from portal.accounts.roles import Role

IMPORT_LEGACY_DATA = "legacy.import_legacy_data"

ROLE_PERMISSIONS = {Role.ADMINISTRATOR: [IMPORT_LEGACY_DATA]}

# The import reads and writes candidates' personal data: a second factor at login.
PERSONAL_DATA_PERMISSIONS = [IMPORT_LEGACY_DATA]
