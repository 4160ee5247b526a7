"""Benchmark of one daily news digest run: 10 000 subscribers, 50 news items, on PostgreSQL.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bench .venv/bin/python bench/news_digest.py
       [--subscribers N] [--news N] [--batch-size N]
Subscribers and news items are created once (kept for the next runs); before each run the digest
bookkeeping of the bench users is reset and the items are marked as just published, so every run
does the full work. Reports the time, the peak Python memory (tracemalloc) and the SQL queries.
"""

import argparse
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nege_bench")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-that-is-long-enough-0123456789")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

PREFIX = "bench.news."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--news", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=None)
    args, _unknown = parser.parse_known_args()

    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from news.digest import send_news_digests
    from news.enums import DIGEST_BATCH_SIZE
    from news.models import NewsCategory, NewsDelivery, NewsDigestState, NewsPage
    from news.setup import ensure_news_index
    from portal.accounts.models import User
    from portal.accounts.roles import Role
    from portal.mail.models import OutgoingEmail

    if connection.vendor != "postgresql":
        print("Ce banc d'essai est prévu pour PostgreSQL (DATABASE_URL).")
        return 1
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    call_command("setup_roles", verbosity=0)
    index = ensure_news_index()
    categories = list(NewsCategory.objects.all())
    rng = random.Random(42)

    existing = User.objects.filter(username__startswith=PREFIX).count()
    if existing < args.subscribers:
        started = time.perf_counter()
        users = User.objects.bulk_create(
            [
                User(
                    username=f"{PREFIX}{n}",
                    email=f"{PREFIX}{n}@exemple.test",
                    first_name="Abonné",
                    last_name=f"N{n}",
                    password="!",
                )
                for n in range(existing, args.subscribers)
            ],
            batch_size=2000,
        )
        through = User.news_categories.through
        through.objects.bulk_create(
            [
                through(user_id=u.pk, newscategory_id=c.pk)
                for u in users
                for c in rng.sample(categories, rng.randint(1, 3))
            ],
            batch_size=5000,
        )
        # Half of them are extranet users (they also get the extranet-only items).
        adviser = Group.objects.get(name=Role.EMPLOYMENT_ADVISER)
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=u.pk, group_id=adviser.pk) for u in users[::2]], batch_size=5000
        )
        print(f"{len(users)} abonnés créés en {time.perf_counter() - started:.1f} s")

    bench_news = NewsPage.objects.filter(slug__startswith="banc-")
    for n in range(bench_news.count(), args.news):
        page = NewsPage(
            title=f"Actualité de banc d'essai n° {n}",
            slug=f"banc-{n}",
            category=categories[n % len(categories)],
            extranet_only=n % 10 == 0,
            lead="Un chapô de quelques lignes pour le banc d'essai de la lettre quotidienne. " * 2,
        )
        index.add_child(instance=page)
        page.save_revision().publish()

    # Reset: the bench users have never received a digest; the items were just published.
    bench_users = User.objects.filter(username__startswith=PREFIX)
    NewsDelivery.objects.filter(user__in=bench_users).delete()
    NewsDigestState.objects.filter(user__in=bench_users).delete()
    OutgoingEmail.objects.filter(subject__startswith="Actualités Numéric'Emploi").delete()
    bench_news.update(first_published_at=timezone.now() - timezone.timedelta(hours=1))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    queries = []

    def count_queries(execute, sql, params, many, context):
        queries.append(sql[:40])
        return execute(sql, params, many, context)

    batch_size = args.batch_size or DIGEST_BATCH_SIZE
    tracemalloc.start()
    started = time.perf_counter()
    with connection.execute_wrapper(count_queries):
        sent = send_news_digests(batch_size=batch_size)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    subscribers = bench_users.count()
    print(f"abonnés : {subscribers}, actualités : {bench_news.count()}, lots de {batch_size}")
    print(f"courriels mis en file : {sent}")
    print(f"durée : {elapsed:.1f} s ({1000 * elapsed / max(sent, 1):.2f} ms par courriel)")
    print(f"mémoire Python au plus haut (tracemalloc) : {peak / 1024 / 1024:.1f} Mo")
    print(f"requêtes SQL : {len(queries)} (pour {-(-subscribers // batch_size)} lots)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
