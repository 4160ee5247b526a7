"""Demo news: items about the association's life in every category (news.demo_texts), one extranet-only.

Idempotent: items are looked up by slug; demo users get categories only if they chose none.
"""

import random
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from portal import demo
from portal.registry import DemoStep

from .demo_texts import INTERNAL_ITEM, ITEMS, VALUES
from .models import NewsCategory, NewsPage
from .setup import ensure_news_index

# (username, category slugs) of the demo users who follow news.
DEMO_SUBSCRIPTIONS = [
    ("redacteur", ["evenement-public", "vie-de-l-association"]),
    ("referent.a", ["commission-aide-au-recrutement", "processus-et-documentation", "vie-de-l-association"]),
    ("referent.b", ["commission-aide-au-recrutement"]),
    ("pilote", ["commission-aide-au-recrutement", "commission-adaptation-des-competences"]),
    ("recruteur.a", ["evenement-public"]),
]
INTERNAL_SLUG = "calendrier-de-publication-des-dossiers"


def filler(rng):
    """Fills an item's texts: each `{placeholder}` drawn once per item from VALUES (the same in every text)."""
    chosen = {key: rng.choice(values) for key, values in VALUES.items()}
    return lambda text: text.format(**chosen)


def seed(stdout, *, candidates=0):
    index = ensure_news_index()
    demo.add_menu_item("Actualités", page=index)
    rng = random.Random("news-demo")
    categories = {c.slug: c for c in NewsCategory.objects.filter(is_active=True)}
    fallback = next(iter(categories.values()), None) or NewsCategory.objects.first()
    created = 0
    today = timezone.localdate()
    for n, (slug, title, lead, paragraphs) in enumerate(ITEMS):
        fill = filler(rng)
        title = fill(title)
        created += _create_item(
            index,
            slug=slugify(title)[:250],
            title=title,
            lead=fill(lead),
            paragraphs=[fill(p) for p in paragraphs],
            category=categories.get(slug) or fallback,
            date=today - timedelta(days=3 + 8 * n + rng.randint(0, 5)),
        )
    slug, title, lead, paragraphs = INTERNAL_ITEM
    created += _create_item(
        index,
        slug=INTERNAL_SLUG,
        title=title,
        lead=lead,
        paragraphs=paragraphs,
        category=categories.get(slug) or fallback,
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
