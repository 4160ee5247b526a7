"""Create the "Devenir adhérent" pages (/adherer/ and its four pages) on a new site; idempotent."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from membership.content import install_pages


class Command(BaseCommand):
    help = "Crée les pages « Devenir adhérent » (pourquoi, comment, cotisation, vie de l'association) si absentes."

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("Aucun site par défaut : créez d'abord la page d'accueil.")
        index, created = install_pages(site.root_page.specific)
        self.stdout.write(self.style.SUCCESS(f"Pages « {index.title} » : {created} page(s) créée(s)."))
