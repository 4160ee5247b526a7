from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Comptes et rôles"
    default = True

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from portal import dashboard, frame

        from . import idle, two_factor

        user_logged_in.connect(two_factor.on_user_logged_in, dispatch_uid="nege_two_factor_login")
        user_logged_in.connect(idle.on_user_logged_in, dispatch_uid="nege_idle_login")
        frame.connect_invalidation()  # cached permissions of the extranet frame
        dashboard.connect_invalidation()  # the "moderation in progress" flag of the dashboard


class ExtranetUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user management, with the portal's profile fields."""

    default = False
    user_viewset = "portal.accounts.viewsets.ExtranetUserViewSet"
