"""Benchmark of the extranet frame: the dashboard of every demo role and a plain screen, queries and times.

Run: `.venv/bin/python bench/extranet_frame.py [--requests 30] [--warmup 3]` with DATABASE_URL pointing at a
PostgreSQL database holding the demo (`manage.py seed_demo --candidates 500`) and REDIS_URL at a Redis
database (the cache of a production setup). Requests go through Django's test Client, in process: the
times are the server's own work (middleware, permissions, panels, templates), warm caches, medians and
95th percentiles over `--requests` requests per screen. "frame" is the Informations listing, a screen
that adds two small queries of its own to the frame every extranet screen starts from.
"""

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(os.environ.get("NEGE_BENCH_ROOT", Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

# The demo accounts of README.md, one per role.
DEMO_USERS = ["referent.a", "pilote", "conseil", "adc", "recruteur.a", "president", "admin", "redacteur"]


def measure(client, url, requests, warmup):
    for _ in range(warmup):
        assert client.get(url).status_code == 200, url
    times, queries = [], []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):  # Django empties connection.queries when a request starts
        assert client.get(url).status_code == 200
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return len(queries), statistics.median(times), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    User = get_user_model()
    screens = {"dashboard": reverse("wagtailadmin_home"), "frame": reverse("news_informations:index")}
    print(f"{'user':<12} {'screen':<10} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    with override_settings(ALLOWED_HOSTS=["*"], NEGE_TWO_FACTOR="offered"):
        for username in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                print(f"{username:<12} missing: run `manage.py seed_demo` first")
                continue
            client = Client()
            client.force_login(user)
            for screen, url in screens.items():
                count, p50, p95 = measure(client, url, args.requests, args.warmup)
                print(f"{username:<12} {screen:<10} {count:>7} {p50:>8.1f} {p95:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
