from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "portal.pages"
    label = "pages"
    verbose_name = "Pages du site"

    def ready(self):
        from portal.public_cache import connect_invalidation

        from .navigation import connect_signals

        connect_signals()
        connect_invalidation()
