"""Benchmark of the public pages: server time and SQL queries of the home page and a content page.

Run: `.venv/bin/python bench/public_pages.py [--requests 200] [--warmup 20]` with DATABASE_URL pointing
at PostgreSQL (see bench/README.md). Requests go through Django's test Client (in process, no network):
the times are the server's own work — URL routing, middleware, ORM queries, template rendering.
When the database has no live content page, one is created (slug "bench-page-de-contenu").
"""

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# WhiteNoise warns when STATIC_ROOT was never collected; the benchmark does not serve static files.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from portal.pages.models import ContentPage, HomePage  # noqa: E402

BENCH_SLUG = "bench-page-de-contenu"


def content_page():
    """A live content page to measure: an existing one, else a representative one created once."""
    page = ContentPage.objects.live().public().order_by("path").first()
    if page:
        return page
    home = HomePage.objects.first()
    if home is None:
        sys.exit("No home page: run `manage.py migrate` (and `manage.py seed_demo`) first.")
    page = ContentPage(
        title="Page de contenu (mesure de performance)",
        slug=BENCH_SLUG,
        intro="Une page représentative : intertitre, textes, citation, appel à l'action.",
        body=[
            ("heading", "Nos missions"),
            ("paragraph", RichText("<p>Rapprocher les entreprises du numérique et les candidats.</p>" * 5)),
            ("quote", {"quote": "Le numérique, un job !", "author": "Le Président"}),
            (
                "call_to_action",
                {"title": "Adhérer", "text": "", "page": home, "url": "", "button_label": "Devenir adhérent"},
            ),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    print(f"(created the content page /{BENCH_SLUG}/ for the benchmark)")
    return page


def measure(client, url, requests, warmup):
    for _ in range(warmup):
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries.captured_queries)  # read now: later requests reset the query log
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = statistics.quantiles(timings, n=100, method="inclusive")[94]
    return {
        "median": statistics.median(timings),
        "p95": p95,
        "min": timings[0],
        "max": timings[-1],
        "queries": query_count,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="measured requests per page (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests first (default 20)")
    args = parser.parse_args()

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    if engine != "postgresql":
        print(f"warning: measuring on {engine}; benchmarks are meant for PostgreSQL (set DATABASE_URL)")

    # Production-like: DEBUG off. The test Client talks plain HTTP to "testserver"; static URLs
    # must not need collectstatic.
    overrides = {
        "DEBUG": False,
        "ALLOWED_HOSTS": [*settings.ALLOWED_HOSTS, "testserver"],
        "SECURE_SSL_REDIRECT": False,
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    }
    with override_settings(**overrides):
        page = content_page()
        pages = [("home page", "/"), ("content page", page.url)]
        client = Client()
        print(f"database: {engine}, cache: {cache}, {args.requests} requests per page after {args.warmup} warm-up")
        print(f"{'page':<14} {'url':<40} {'median ms':>10} {'p95 ms':>8} {'min ms':>8} {'max ms':>8} {'queries':>8}")
        for label, url in pages:
            result = measure(client, url, args.requests, args.warmup)
            print(
                f"{label:<14} {url:<40} {result['median']:>10.2f} {result['p95']:>8.2f} "
                f"{result['min']:>8.2f} {result['max']:>8.2f} {result['queries']:>8}"
            )


if __name__ == "__main__":
    main()
