"""Benchmark of the dossier search ("Recherche de dossiers") with 100 000 dossiers on PostgreSQL.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bench .venv/bin/python bench/dossier_search.py [--count N]
The dossiers are bulk-created once (kept for the next runs); the script reports the median and p90 server
time of the search view, through the full Django stack, for three filter combinations.
"""

import argparse
import os
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
# No collectstatic needed: plain static storage.
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000, help="dossiers in the database (default 100 000)")
    parser.add_argument("--runs", type=int, default=15, help="requests per combination")
    args, _unknown = parser.parse_known_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    if connection.vendor != "postgresql":
        print("Ce banc d'essai est prévu pour PostgreSQL (DATABASE_URL).")
        return 1
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    call_command("setup_roles", verbosity=0)

    from django.contrib.auth.models import Group

    from portal.accounts.models import User
    from portal.accounts.roles import Role
    from portal.organisations.enums import CategoryCode
    from portal.organisations.models import EmploymentArea, Organisation, OrganisationCategory
    from recruitment.demo import create_candidates
    from recruitment.models import Candidate, DossierStatus, Job

    category = OrganisationCategory.objects.get(code=CategoryCode.EMPLOYMENT_PARTNER)
    advisers = []
    for key in ("a", "b"):
        org, _ = Organisation.objects.get_or_create(
            slug=f"bench-partenaire-{key}", defaults={"name": f"Partenaire banc {key.upper()}", "category": category}
        )
        user, created = User.objects.get_or_create(
            username=f"bench.referent.{key}", defaults={"organisation": org, "email": f"bench.{key}@exemple.test"}
        )
        if created:
            user.groups.add(Group.objects.get(name=Role.EMPLOYMENT_ADVISER))
        advisers.append(user)
    admin, created = User.objects.get_or_create(
        username="bench.admin", defaults={"is_superuser": True, "email": "bench.admin@exemple.test"}
    )

    missing = args.count - Candidate.objects.count()
    if missing > 0:
        started = time.perf_counter()
        create_candidates(missing, advisers, seed_key=f"bench-{missing}", batch_size=5000)
        print(f"{missing} dossiers créés en {time.perf_counter() - started:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total = Candidate.objects.count()

    index = reverse("recruitment_dossiers:index")
    status = DossierStatus.objects.filter(adviser_may_set=True).first()
    area = EmploymentArea.objects.order_by("order").first()
    jobs = list(Job.objects.values_list("pk", flat=True)[:3])
    combinations = [
        ("référent A, liste par défaut (son organisme, tri par nom)", advisers[0], {}),
        (
            "référent A, statut + CV présent + consentement présent, tri par ville",
            advisers[0],
            {"status": status.pk, "cv": "yes", "consent": "yes", "ordering": "city"},
        ),
        (
            "administrateur, nom partiel + bassin + métiers souhaités",
            admin,
            {"name": "mar", "employment_area": area.pk, "wished_jobs": jobs},
        ),
    ]
    print(f"Recherche de dossiers : {total} dossiers, {args.runs} requêtes par combinaison")
    for label, user, params in combinations:
        client = Client()
        client.force_login(user)
        client.get(index, params)  # warm-up
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(index, params)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        timings.sort()
        p90 = timings[int(len(timings) * 0.9) - 1]
        print(f"- {label} : médiane {statistics.median(timings):.0f} ms, p90 {p90:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
