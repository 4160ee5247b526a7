"""Benchmark of the public directory with 1 000 member organisations, on PostgreSQL.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bench .venv/bin/python bench/directory.py
       [--organisations N] [--runs N]
Organisations are created once (slug prefix "bench-annuaire-", kept for the next runs). Each URL is
requested --runs times in-process (Django test client: middleware, views, templates, no network);
reports the median and p95 server time and the number of SQL queries of one request.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nege_bench")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-that-is-long-enough-0123456789")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")

PREFIX = "bench-annuaire-"
WORDS = ["Numérique", "Logiciels", "Conseil", "Digital", "Réseaux", "Données", "Cloud", "Cybersécurité", "Web"]


def seed(count):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    from portal.organisations.enums import CategoryCode, MembershipState
    from portal.organisations.models import Activity, CompanyType, Department, Organisation, OrganisationCategory

    existing = Organisation.objects.filter(slug__startswith=PREFIX).count()
    if existing >= count + count // 10:
        return
    rng = random.Random(42)
    categories = list(OrganisationCategory.objects.all())
    company = next(c for c in categories if c.code == CategoryCode.COMPANY)
    types = list(CompanyType.objects.all())
    activities = list(Activity.objects.all())
    departments = list(Department.objects.all())
    Image = get_image_model()
    logos = []
    for n in range(8):
        buffer = io.BytesIO()
        PILImage.new("RGB", (300, 300), (20 * n, 90, 160)).save(buffer, "PNG")
        logos.append(Image.objects.create(title=f"{PREFIX}logo-{n}", file=ImageFile(buffer, name=f"bench-{n}.png")))
    orgs = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n:04d}",
                slug=f"{PREFIX}{n:04d}",
                category=company if n % 3 else rng.choice(categories),
                company_type=rng.choice(types),
                # One application in ten is pending: never listed, but present in the tables.
                membership_state=MembershipState.PENDING if n >= count else MembershipState.ACCEPTED,
                city=rng.choice(["Strasbourg", "Metz", "Nancy", "Reims", "Mulhouse", "Colmar", "Troyes"]),
                presentation=f"<p>Entreprise {rng.choice(WORDS).lower()} du Grand Est. "
                "Nous recrutons des profils techniques et accompagnons nos clients.</p>",
                logo=logos[n % len(logos)] if n % 4 else None,
            )
            for n in range(existing, count + count // 10)
        ],
        batch_size=500,
    )
    act = Organisation.activities.through
    est = Organisation.establishment_departments.through
    inter = Organisation.intervention_departments.through
    act.objects.bulk_create(
        [act(organisation=o, activity=a) for o in orgs for a in rng.sample(activities, 2)], batch_size=2000
    )
    est.objects.bulk_create(
        [est(organisation=o, department=d) for o in orgs for d in rng.sample(departments, 1)], batch_size=2000
    )
    inter.objects.bulk_create(
        [inter(organisation=o, department=d) for o in orgs for d in rng.sample(departments, 3)], batch_size=2000
    )


def measure(client, url, runs):
    from django.db import connection

    response = client.get(url)  # warm-up: renditions, caches
    assert response.status_code == 200, (url, response.status_code)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: queries.append(sql) or execute(sql, params, many, context)
    ):
        client.get(url)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return statistics.median(timings), p95, len(queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=50)
    args, _unknown = parser.parse_known_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from directory.models import DirectoryPage
    from portal.organisations.models import Organisation

    if connection.vendor != "postgresql":
        print("Ce banc d'essai est prévu pour PostgreSQL (DATABASE_URL).")
        return 1
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    if not DirectoryPage.objects.live().exists():
        print("La page de l'annuaire est absente (migration directory.0002).")
        return 1
    seed(args.organisations)
    listed = Organisation.objects.accepted().count()
    detail = Organisation.objects.accepted().filter(slug__startswith=PREFIX).exclude(logo=None).first()
    client = Client()
    urls = [
        ("liste, sans filtre", "/annuaire/"),
        ("liste, page 20", "/annuaire/?page=20"),
        ("liste, recherche + 2 filtres", "/annuaire/?q=numerique&categorie=company&etablissement=67"),
        ("fiche d'un organisme", f"/annuaire/{detail.slug}/"),
        ("API, 100 organismes", "/api/v2/annuaire/?limit=100"),
        ("API, filtres", "/api/v2/annuaire/?q=numerique&intervention=57"),
    ]
    print(f"Annuaire : {listed} organismes listés (PostgreSQL), {args.runs} requêtes par adresse.")
    print(f"{'adresse':<32} {'médiane':>9} {'p95':>9} {'requêtes SQL':>13}")
    for label, url in urls:
        median, p95, queries = measure(client, url, args.runs)
        print(f"{label:<32} {median:7.1f} ms {p95:6.1f} ms {queries:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
