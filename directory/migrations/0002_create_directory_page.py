"""Create the directory page at /annuaire/, a child of the home page."""

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _step(number):
    out = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        out = ALPHABET[rest] + out
    return out.rjust(STEPLEN, "0")


def create_directory_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("pages.HomePage")
    DirectoryPage = apps.get_model("directory.DirectoryPage")

    home = HomePage.objects.order_by("path").first()
    if home is None or DirectoryPage.objects.exists():
        return
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    content_type, _ = ContentType.objects.get_or_create(app_label="directory", model="directorypage")
    now = timezone.now()
    DirectoryPage.objects.create(
        title="Annuaire des partenaires",
        draft_title="Annuaire des partenaires",
        slug="annuaire",
        content_type=content_type,
        path=home.path + _step(number),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}annuaire/",
        locale_id=home.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        intro="Découvrez les entreprises et les partenaires membres du réseau Numéric'Emploi Grand Est, "
        "et écrivez au service des ressources humaines d'une entreprise.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count())


def remove_directory_page(apps, schema_editor):
    apps.get_model("directory.DirectoryPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("pages", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_directory_page, remove_directory_page)]
