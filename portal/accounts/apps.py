from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Comptes et rôles"
    default = True


class ExtranetUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user management, with the portal's profile fields."""

    default = False
    user_viewset = "portal.accounts.viewsets.ExtranetUserViewSet"
