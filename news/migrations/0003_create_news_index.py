"""Create the news index page at /actualites/, a child of the home page."""

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _encode(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def create_news_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("pages.HomePage")
    NewsIndexPage = apps.get_model("news.NewsIndexPage")

    home = HomePage.objects.order_by("path").first()
    if home is None or NewsIndexPage.objects.exists():
        return
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    if children.filter(slug="actualites").exists():
        return
    last = children.order_by("-path").values_list("path", flat=True).first()
    step = int(last[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    content_type, _ = ContentType.objects.get_or_create(app_label="news", model="newsindexpage")
    now = timezone.now()
    NewsIndexPage.objects.create(
        title="Actualités",
        draft_title="Actualités",
        slug="actualites",
        content_type=content_type,
        path=home.path + _encode(step),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}actualites/",
        locale_id=home.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        intro="Les actualités de l'association, de ses commissions et de ses partenaires.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())


def remove_news_index(apps, schema_editor):
    apps.get_model("news.NewsIndexPage").objects.filter(slug="actualites").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_news_pages"),
        ("pages", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_news_index, remove_news_index)]
