"""Demo news: a few fictitious items in every category, one of them extranet-only.

Idempotent: items are looked up by slug; demo users get categories only if they chose none.
"""

from datetime import timedelta

from django.utils import timezone

from portal import demo
from portal.registry import DemoStep

from .models import NewsCategory, NewsPage
from .setup import ensure_news_index

ITEMS_PER_CATEGORY = 3
# (username, category slugs) of the demo users who follow news.
DEMO_SUBSCRIPTIONS = [
    ("redacteur", ["evenement-public", "vie-de-l-association"]),
    ("referent.a", ["commission-aide-au-recrutement", "processus-et-documentation", "vie-de-l-association"]),
    ("referent.b", ["commission-aide-au-recrutement"]),
    ("pilote", ["commission-aide-au-recrutement", "commission-adaptation-des-competences"]),
    ("recruteur.a", ["evenement-public"]),
]
INTERNAL_ITEM = {
    "slug": "calendrier-de-publication-des-dossiers",
    "title": "Calendrier de publication des dossiers des prochaines sessions",
    "lead": "Les dossiers examinés lors des prochaines sessions de la commission seront publiés dans le vivier "
    "aux dates indiquées ci-dessous. Information réservée aux utilisateurs de l'extranet.",
    "category": "commission-aide-au-recrutement",
}


def seed(stdout, *, candidates=0):
    index = ensure_news_index()
    demo.add_menu_item("Actualités", page=index)
    fake = demo.faker("news")
    created = 0
    today = timezone.localdate()
    for c_index, category in enumerate(NewsCategory.objects.filter(is_active=True)):
        for n in range(ITEMS_PER_CATEGORY):
            slug = f"demo-{category.slug}-{n + 1}"[:250]
            title = fake.sentence(nb_words=6).rstrip(".")
            created += _create_item(
                index,
                slug=slug,
                title=title,
                lead=fake.paragraph(nb_sentences=2),
                paragraphs=[fake.paragraph(nb_sentences=5) for _ in range(3)],
                category=category,
                date=today - timedelta(days=7 * n + c_index),
            )
    created += _create_item(
        index,
        slug=INTERNAL_ITEM["slug"],
        title=INTERNAL_ITEM["title"],
        lead=INTERNAL_ITEM["lead"],
        paragraphs=[fake.paragraph(nb_sentences=4)],
        category=NewsCategory.objects.filter(slug=INTERNAL_ITEM["category"]).first() or NewsCategory.objects.first(),
        date=today,
        extranet_only=True,
    )
    for username, slugs in DEMO_SUBSCRIPTIONS:
        user = demo.demo_user(username)
        if user is not None and not user.news_categories.exists():
            user.news_categories.set(NewsCategory.objects.filter(slug__in=slugs))
    stdout.write(f"Actualités : {created} actualité(s) créée(s).")


def _create_item(index, *, slug, title, lead, paragraphs, category, date, extranet_only=False):
    if NewsPage.objects.filter(slug=slug).exists():
        return 0
    page = NewsPage(
        title=title,
        slug=slug,
        lead=lead,
        category=category,
        date=date,
        extranet_only=extranet_only,
        body=[("paragraph", f"<p>{p}</p>") for p in paragraphs],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return 1


DEMO_STEPS = [DemoStep(120, seed)]
