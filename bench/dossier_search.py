"""Benchmark of the dossier search ("Recherche de dossiers") and of the dossier page, 100 000 dossiers, PostgreSQL.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bench .venv/bin/python bench/dossier_search.py
       [--count 100000] [--runs 30]

The dossiers (valid demo dossiers, two employment partners) are bulk-created once and kept for the next runs
(about 15 minutes for 100 000 on a 2-core machine); `--count 10000` on another database gives the 10 000 figures
the pilot's list is compared with. Every request goes through the full Django stack (test Client, in process).
The yardstick is the bare extranet dashboard (an editor's: the frame, no dossier panel), measured in the same
loop, request after request with the others: absolute times move with the machine's load, the ratio much less.
The adviser's own dashboard is shown too (its panels count the organisation's dossiers).

Targets (issue #16): p95 < 100 ms on a quiet machine and ≤ 1.5 × the dashboard's p95; SQL queries independent of
the page size and of the number of dossiers (the tests pin ≤ 15 for the search, ≤ 30 for the dossier page).
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
os.environ.setdefault("NEGE_TWO_FACTOR", "offered")  # force_login: no second factor to type
# No collectstatic needed: plain static storage.
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")


def ensure_users():
    from django.contrib.auth.models import Group

    from portal.accounts.models import User
    from portal.accounts.roles import Role
    from portal.organisations.enums import CategoryCode
    from portal.organisations.models import Organisation, OrganisationCategory

    category = OrganisationCategory.objects.get(code=CategoryCode.EMPLOYMENT_PARTNER)
    advisers = []
    for key in ("a", "b"):
        org, _ = Organisation.objects.get_or_create(
            slug=f"bench-partenaire-{key}", defaults={"name": f"Partenaire banc {key.upper()}", "category": category}
        )
        user, _ = User.objects.get_or_create(
            username=f"bench.referent.{key}", defaults={"organisation": org, "email": f"bench.{key}@exemple.test"}
        )
        user.groups.add(Group.objects.get(name=Role.EMPLOYMENT_ADVISER))
        advisers.append(user)
    pilot, _ = User.objects.get_or_create(username="bench.pilote", defaults={"email": "bench.pilote@exemple.test"})
    pilot.groups.add(Group.objects.get(name=Role.SESSION_PILOT))
    editor, _ = User.objects.get_or_create(
        username="bench.redacteur", defaults={"email": "bench.redacteur@exemple.test"}
    )
    editor.groups.add(Group.objects.get(name=Role.EDITOR))
    return advisers, pilot, editor


def measure(client, url, params, queries=None):
    from django.db import connection

    def count(execute, sql, sql_params, many, context):
        queries.append(sql)
        return execute(sql, sql_params, many, context)

    started = time.perf_counter()
    if queries is None:
        response = client.get(url, params)
    else:
        with connection.execute_wrapper(count):
            response = client.get(url, params)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, params, response.status_code)
    return elapsed, response


def percentile(timings, share):
    ordered = sorted(timings)
    return ordered[max(0, int(round(len(ordered) * share)) - 1)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000, help="dossiers in the database (default 100 000)")
    parser.add_argument("--runs", type=int, default=30, help="requests per page (default 30)")
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

    from portal.organisations.models import EmploymentArea
    from recruitment.demo import create_candidates
    from recruitment.models import Candidate, DossierStatus, Job

    advisers, pilot, editor = ensure_users()
    missing = args.count - Candidate.objects.count()
    if missing > 0:
        started = time.perf_counter()
        create_candidates(missing, advisers, seed_key=f"bench-{missing}", batch_size=5000)
        print(f"{missing} dossiers créés en {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # what autovacuum does in production after a bulk load
    total = Candidate.objects.count()

    index = reverse("recruitment_dossiers:index")
    status = DossierStatus.objects.filter(adviser_may_set=True).order_by("order").first()
    area = EmploymentArea.objects.filter(candidates__organisation=advisers[0].organisation).first()
    jobs = list(Job.objects.values_list("pk", flat=True)[:3])
    dossier = Candidate.objects.filter(organisation=advisers[0].organisation, has_consent=True).order_by("pk").first()
    bare, adviser, commission = Client(), Client(), Client()
    bare.force_login(editor)
    adviser.force_login(advisers[0])
    commission.force_login(pilot)
    home = reverse("wagtailadmin_home")
    pages = [
        ("tableau de bord nu d'un rédacteur (étalon)", bare, home, {}),
        ("tableau de bord du référent (ses comptes de dossiers)", adviser, home, {}),
        ("référent, liste par défaut (son organisme, tri par nom)", adviser, index, {}),
        (
            "référent, 3 filtres (nom partiel, bassin, statut)",
            adviser,
            index,
            {"name": "mar", "employment_area": area.pk, "status": status.pk},
        ),
        ("référent, page 50", adviser, index, {"p": 50}),
        (
            "référent, CV + consentement présents, tri par ville",
            adviser,
            index,
            {"cv": "yes", "consent": "yes", "ordering": "city"},
        ),
        ("pilote, liste de tous les organismes", commission, index, {}),
        ("pilote, nom partiel sans accent (« elise »)", commission, index, {"name": "elise"}),
        ("pilote, statut + métiers souhaités", commission, index, {"status": status.pk, "wished_jobs": jobs}),
        ("référent, page du dossier", adviser, reverse("recruitment_dossiers:edit", args=[dossier.pk]), {}),
    ]
    facts = {}
    for label, client, url, params in pages:
        measure(client, url, params)  # warm-up: caches, connection
        queries = []
        _elapsed, response = measure(client, url, params, queries)
        facts[label] = (len(queries), len(response.content))
    timings = {label: [] for label, *_rest in pages}
    for _ in range(args.runs):  # interleaved: every page sees the same moments of the machine
        for label, client, url, params in pages:
            timings[label].append(measure(client, url, params)[0])

    print(f"Recherche de dossiers : {total} dossiers, {args.runs} requêtes par page, en alternance")
    yardstick = percentile(timings[pages[0][0]], 0.95)
    worst = 0
    for label, *_rest in pages:
        p95 = percentile(timings[label], 0.95)
        queries, size = facts[label]
        ratio = p95 / yardstick if yardstick else 0
        if label != pages[0][0] and "tableau de bord" not in label:
            worst = max(worst, ratio)
        print(
            f"- {label} : médiane {statistics.median(timings[label]):.0f} ms, p95 {p95:.0f} ms "
            f"({ratio:.2f} × l'étalon), {queries} requêtes SQL, {size / 1024:.0f} Ko"
        )
    print(
        f"Rapport p95 le plus élevé (recherches, dossier) : {worst:.2f} × l'étalon "
        "(objectif ≤ 1,5 ; p95 < 100 ms à vide)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
