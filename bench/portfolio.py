"""Benchmark of the recruiter's portfolio ("Mon portefeuille": the company's follow-up sheets), of a follow-up
sheet (opened, saved unchanged) and of the recruiter's dashboard, PostgreSQL.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bench .venv/bin/python bench/portfolio.py
       [--count 100000] [--sheets 20000] [--runs 30]

The data is pool_search.py's (built there if missing, kept): 100 000 dossiers, a third in the pool, 20 000
follow-up sheets of 20 companies (about 1 000 per company), one recruiter per company; the benchmarked one is
`bench.recruteur.0`. Every request goes through the full Django stack (test Client, in process). The
yardstick is the bare extranet dashboard (an editor's: the frame, no panel of ours), measured in the same
loop, request after request with the others: absolute times move with the machine's load, the ratio much
less. Saving a sheet unchanged writes (its update date, the history): run it on a copy of nege_bench.

Targets (issue #16): the portfolio and the sheet ≤ 1.5 × the dashboard's p95; SQL queries independent of the
number of sheets and of the page size (tests/sar/test_portfolio.py pins them).
"""

import argparse
import importlib.util
import os
import statistics
import sys
import time
from datetime import timedelta
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
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")


def pool_search_module():
    """pool_search.py's data builders and users (under a name that shadows no app)."""
    spec = importlib.util.spec_from_file_location("bench_pool_search", ROOT / "bench" / "pool_search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ensure_editor():
    from django.contrib.auth.models import Group

    from portal.accounts.models import User
    from portal.accounts.roles import Role

    editor, _ = User.objects.get_or_create(
        username="bench.redacteur", defaults={"email": "bench.redacteur@exemple.test"}
    )
    editor.groups.add(Group.objects.get(name=Role.EDITOR))
    return editor


def sheet_form_data(sheet, user):
    """The sheet's edit form as a browser would submit it unchanged (its fields' initial values)."""
    from recruitment.sar.models import FollowUpSheet
    from recruitment.sar.viewsets import sheet_edit_handler

    form_class = sheet_edit_handler().bind_to_model(FollowUpSheet).get_form_class()
    data = {}
    for bound in form_class(instance=sheet, for_user=user):
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(getattr(v, "pk", v)) for v in value]
        elif value is None:
            data[bound.html_name] = ""
        elif hasattr(value, "isoformat"):
            data[bound.html_name] = value.isoformat()
        else:
            data[bound.html_name] = str(value)
    return data


def counted(call, queries):
    from django.db import connection

    def count(execute, sql, sql_params, many, context):
        queries.append(sql)
        return execute(sql, sql_params, many, context)

    with connection.execute_wrapper(count):
        return call()


def percentile(timings, share):
    ordered = sorted(timings)
    return ordered[max(0, int(round(len(ordered) * share)) - 1)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000, help="dossiers (default 100 000)")
    parser.add_argument("--sheets", type=int, default=20_000, help="follow-up sheets (default 20 000)")
    parser.add_argument("--runs", type=int, default=30, help="requests per page (default 30)")
    args, _unknown = parser.parse_known_args()

    import django

    django.setup()
    import random

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    if connection.vendor != "postgresql":
        print("Ce banc d'essai est prévu pour PostgreSQL (DATABASE_URL).")
        return 1
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    call_command("setup_roles", verbosity=0)

    from recruitment.demo import create_candidates
    from recruitment.models import Candidate, SarStatus
    from recruitment.sar.models import FollowUpSheet

    pool_search = pool_search_module()
    advisers, recruiters, *_editor = pool_search.ensure_users()
    rng = random.Random("pool-bench")
    missing = args.count - Candidate.objects.count()
    if missing > 0:
        create_candidates(missing, advisers, seed_key=f"bench-{missing}", batch_size=5000)
    pool_search.build_pool(rng)
    pool_search.build_sheets(recruiters, args.sheets, rng)
    recruiter = recruiters[0]
    today = timezone.localdate()
    # Not locked out of the pool (the dashboard lists the overdue sheets; the bench wants its usual state).
    FollowUpSheet.objects.filter(created_by=recruiter, due_on__lt=today).update(due_on=today + timedelta(days=30))
    editor = ensure_editor()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sar_followupsheet")

    company_sheets = FollowUpSheet.objects.filter(company=recruiter.organisation)
    total, mine = company_sheets.count(), company_sheets.filter(created_by=recruiter).count()
    statuses = list(
        SarStatus.objects.filter(pk__in=company_sheets.values("status_id")).order_by("pk").values_list("pk", flat=True)
    )[:2]
    sheet = (
        company_sheets.filter(result__requires_rejection_causes=False, result__requires_recruitment=False)
        .order_by("pk")
        .first()
    )
    index = reverse("sar_sheets:index")
    edit = reverse("sar_sheets:edit", args=[sheet.pk])
    home = reverse("wagtailadmin_home")
    bare, client = Client(), Client()
    bare.force_login(editor)
    client.force_login(recruiter)
    due_before = (today + timedelta(days=90)).isoformat()
    form_data = sheet_form_data(sheet, recruiter)

    def get(who, url, params=None):
        def call():
            response = who.get(url, params or {})
            assert response.status_code == 200, (url, params, response.status_code)
            return response

        return call

    def post(who, url, data):
        def call():
            response = who.post(url, data)
            assert response.status_code == 302, (url, response.status_code, response.content[:2000])
            return response

        return call

    pages = [
        ("tableau de bord nu d'un rédacteur (étalon)", get(bare, home)),
        ("tableau de bord du recruteur (ses fiches à mettre à jour)", get(client, home)),
        ("portefeuille, par défaut (fiches de l'entreprise, tri par création)", get(client, index)),
        (
            "portefeuille, 2 statuts + échéance avant 90 jours",
            get(client, index, {"status": statuses, "due_before": due_before}),
        ),
        ("portefeuille, page 5", get(client, index, {"p": 5})),
        ("fiche de suivi, ouverture", get(client, edit)),
        ("fiche de suivi, enregistrement sans changement (POST)", post(client, edit, form_data)),
    ]
    facts = {}
    for label, call in pages:
        call()  # warm-up: caches, connection
        queries = []
        response = counted(call, queries)
        facts[label] = (len(queries), len(response.content))
    timings = {label: [] for label, _call in pages}
    for _ in range(args.runs):  # interleaved: every page sees the same moments of the machine
        for label, call in pages:
            started = time.perf_counter()
            call()
            timings[label].append((time.perf_counter() - started) * 1000)

    print(
        f"Portefeuille du recruteur : {FollowUpSheet.objects.count()} fiches de suivi, {total} dans son entreprise "
        f"(dont {mine} à lui), {args.runs} requêtes par page, en alternance"
    )
    yardstick = percentile(timings[pages[0][0]], 0.95)
    worst = 0
    for label, _call in pages:
        p95 = percentile(timings[label], 0.95)
        queries, size = facts[label]
        ratio = p95 / yardstick if yardstick else 0
        if label.startswith(("portefeuille", "fiche")):
            worst = max(worst, ratio)
        print(
            f"- {label} : médiane {statistics.median(timings[label]):.0f} ms, p95 {p95:.0f} ms "
            f"({ratio:.2f} × l'étalon), {queries} requêtes SQL, {size / 1024:.0f} Ko"
        )
    print(f"Rapport p95 le plus élevé (portefeuille, fiche) : {worst:.2f} × l'étalon (objectif ≤ 1,5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
