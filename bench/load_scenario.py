"""Load scenario (locust, bench/load/locustfile.py): 40 users with a think time of 1-5 s for 5 minutes
against gunicorn on PostgreSQL + Redis, on 127.0.0.1 only. Reports, per page type, throughput, p50/p95/p99
and errors, and the same figures for a bare Wagtail admin page (the machine's yardstick).

Usage (locust is a bench-only dependency: `.venv/bin/pip install -r bench/requirements.txt`):
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bench REDIS_URL=redis://127.0.0.1:6379/1 \
      .venv/bin/python bench/load_scenario.py [--users 40] [--duration 5m] [--workers 4] [--port 8100]
      [--count 100000] [--sheets 20000] [--organisations 1000] [--build-only]
The data is built once and kept (the same as pool_search.py: dossiers, pool, sheets; directory.py's
organisations; seed_demo's public pages); later runs only open the sessions and measure.
The report is printed and written to var/bench/load-report.md; locust's CSV files are in var/bench/.
"""

import argparse
import importlib.util
import json
import random
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import _server

ROOT = _server.ROOT
sys.path.insert(0, str(ROOT))  # before bench/: the `directory` app, not bench/directory.py
LOCUSTFILE = ROOT / "bench" / "load" / "locustfile.py"
# Simulated users per role (locust weights in the locustfile): sessions opened for each.
ROLES = {"adviser": 8, "recruiter": 8, "pilot": 2, "yardstick": 2}


def bench_module(name):
    """Another bench script as a module (its data builders), under a name that shadows no app."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_data(args):
    """The same volumes as pool_search.py and directory.py, plus the demo's public pages; kept between runs."""
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from portal.accounts.models import User
    from portal.accounts.roles import Role
    from recruitment.demo import create_candidates
    from recruitment.models import Candidate
    from recruitment.sar.models import FollowUpSheet

    directory_bench, pool_search = bench_module("directory"), bench_module("pool_search")
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    call_command("setup_roles", verbosity=0)
    if not User.objects.filter(username="redacteur").exists():
        call_command("seed_demo", force=True, verbosity=0)
    rng = random.Random("pool-bench")
    advisers, recruiters = pool_search.ensure_users()
    missing = args.count - Candidate.objects.count()
    started = time.perf_counter()
    if missing > 0:
        create_candidates(missing, advisers, seed_key=f"bench-{missing}", batch_size=5000)
        print(f"{missing} dossiers créés en {time.perf_counter() - started:.0f} s", flush=True)
    pool_search.build_pool(rng)
    pool_search.build_sheets(recruiters, args.sheets, rng)
    directory_bench.seed(args.organisations)
    # The benchmarked recruiters must not be locked out by overdue sheets.
    FollowUpSheet.objects.filter(
        created_by__in=recruiters, due_on__lt=timezone.localdate() + timedelta(days=10)
    ).update(due_on=timezone.localdate() + timedelta(days=60))
    pilot = User.objects.get(username="bench.pilote")
    pilot.groups.add(Group.objects.get(name=Role.SESSION_PILOT))
    User.objects.get_or_create(
        username="bench.admin", defaults={"is_superuser": True, "email": "bench.admin@exemple.test"}
    )
    if time.perf_counter() - started > 5:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return advisers, recruiters


def open_session(user):
    """A logged-in session, as the login form would leave it (second factor in its demo mode)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def write_plan(advisers, recruiters, users):
    from django.urls import reverse

    from directory.models import DirectoryPage
    from news.models import NewsIndexPage, NewsPage
    from portal.accounts.models import User
    from portal.organisations.enums import CategoryCode
    from portal.organisations.models import Organisation
    from recruitment.models import Candidate, DossierStatus, Job
    from recruitment.sar.models import FollowUpSheet

    scale = max(1, -(-users // 40))  # as many sessions as simulated users of the role
    rng = random.Random("load-plan")
    sessions = {role: [] for role in ROLES}
    for n in range(ROLES["adviser"] * scale):
        adviser = advisers[n % len(advisers)]
        pks = list(Candidate.objects.filter(organisation=adviser.organisation).values_list("pk", flat=True)[:2000])
        sessions["adviser"].append({"cookie": open_session(adviser), "items": rng.sample(pks, min(200, len(pks)))})
    for n in range(ROLES["recruiter"] * scale):
        recruiter = recruiters[n % len(recruiters)]
        # Sheets that are valid as they are: the bench's bulk-created sheets have no rejection causes.
        sheets = FollowUpSheet.objects.filter(
            company=recruiter.organisation, result__requires_rejection_causes=False, result__requires_recruitment=False
        )
        pks = list(sheets.values_list("pk", flat=True)[:200])
        sessions["recruiter"].append({"cookie": open_session(recruiter), "items": pks})
    for role, username in (("pilot", "bench.pilote"), ("yardstick", "bench.admin")):
        user = User.objects.get(username=username)
        sessions[role] = [{"cookie": open_session(user), "items": []} for _ in range(ROLES[role] * scale)]

    accepted = Organisation.objects.accepted().select_related("category", "hr_contact", "referent")
    contactable = [
        o
        for o in accepted.filter(category__code=CategoryCode.COMPANY)[:300]
        if o.contact_recipient and o.contact_recipient.email
    ]
    directory_url = DirectoryPage.objects.live().first().url
    status = DossierStatus.objects.filter(adviser_may_set=True).first()
    jobs = list(Job.objects.values_list("pk", flat=True)[:3])
    plan = {
        "public": {
            "news_list": NewsIndexPage.objects.live().first().url,
            "news_items": [p.url for p in NewsPage.objects.live().filter(extranet_only=False).order_by("-pk")[:10]],
            "directory": directory_url,
            "organisations": [f"{directory_url}{o.slug}/" for o in accepted.exclude(logo=None)[:50]],
            "contact_pages": [f"{directory_url}{o.slug}/" for o in contactable[:20]],
        },
        "urls": {
            "dossiers": reverse("recruitment_dossiers:index"),
            "dossier_edit": reverse("recruitment_dossiers:edit", args=[0]).replace("/0/", "/{pk}/"),
            "pool": reverse("sar_pool:index"),
            "sheets": reverse("sar_sheets:index"),
            "sheet_edit": reverse("sar_sheets:edit", args=[0]).replace("/0/", "/{pk}/"),
            "dashboard": reverse("wagtailadmin_home"),
            "yardstick": reverse("wagtailadmin_account"),
        },
        "dossier_filters": [
            {"status": status.pk, "cv": "yes", "ordering": "city"},
            {"name": "mar"},
            {"wished_jobs": jobs[:2]},
        ],
        "pool_filters": [{}, {"name": "mar"}, {"current_jobs": jobs[:2]}, {"classification": ["employable"]}],
        "sessions": sessions,
    }
    if not plan["public"]["contact_pages"]:
        plan["public"]["contact_pages"] = plan["public"]["organisations"][:1]
    path = _server.VAR / "load-plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
    return plan, path


def warm_up(base, plan, path):
    """One request per public URL (renditions, caches), as on a site up for a while; drops the URLs that do
    not answer 200 (e.g. an organisation the directory does not list) and rewrites the plan."""

    def answers(url):
        try:
            with urllib.request.urlopen(base + url, timeout=60) as response:
                response.read()
                return True
        except urllib.error.HTTPError as error:
            print(f"préchauffage : {url} répond {error.code}, retiré du scénario")
            return False

    public = plan["public"]
    for key in ("news_list", "directory"):
        if not answers(public[key]):
            raise RuntimeError(f"{public[key]} ne répond pas 200")
    answers("/")
    for key in ("news_items", "organisations", "contact_pages"):
        public[key] = [url for url in public[key] if answers(url)]
        if not public[key]:
            raise RuntimeError(f"aucune adresse de {key} ne répond 200")
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")


def report(csv_prefix, args, counts, workers):
    import csv

    rows = list(csv.DictReader(Path(f"{csv_prefix}_stats.csv").read_text(encoding="utf-8").splitlines()))
    lines = [
        f"{args.users} utilisateurs (temps de réflexion 1 à 5 s) pendant {args.duration}, gunicorn {workers} workers "
        f"sync, PostgreSQL + Redis, {counts}.",
        "",
        "| type de page | requêtes | req/s | p50 ms | p95 ms | p99 ms | erreurs |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in sorted(rows, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        name = "**total**" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        lines.append(
            f"| {name} | {row['Request Count']} | {float(row['Requests/s']):.2f} | {row['50%']} | {row['95%']} "
            f"| {row['99%']} | {row['Failure Count']} |"
        )
    failures = _server.VAR / "load_failures.csv"
    if failures.exists():
        for row in list(csv.DictReader(failures.read_text(encoding="utf-8").splitlines()))[:10]:
            lines.append(f"- erreur : {row['Method']} {row['Name']} : {row['Error']} ({row['Occurrences']}×)")
    text = "\n".join(lines)
    (_server.VAR / "load-report.md").write_text(text + "\n", encoding="utf-8")
    print(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--spawn-rate", type=float, default=4, help="users started per second")
    parser.add_argument("--duration", default="5m", help="locust's --run-time: 5m, 90s…")
    parser.add_argument("--workers", type=int, default=_server.README_WORKERS, help="gunicorn workers (README: 4)")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--count", type=int, default=100_000, help="dossiers (default 100 000)")
    parser.add_argument("--sheets", type=int, default=20_000)
    parser.add_argument("--organisations", type=int, default=1000)
    parser.add_argument("--build-only", action="store_true", help="build the data and stop")
    args, _unknown = parser.parse_known_args()
    try:
        import locust  # noqa: F401
    except ImportError:
        print("locust n'est pas installé : .venv/bin/pip install -r bench/requirements.txt (scénario ignoré).")
        return 0

    env = _server.portal_environment()
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("Ce banc d'essai est prévu pour PostgreSQL (DATABASE_URL).")
        return 1
    advisers, recruiters = build_data(args)
    from portal.organisations.models import Organisation
    from recruitment.models import Candidate
    from recruitment.sar.models import FollowUpSheet

    counts = (
        f"{Candidate.objects.count()} dossiers, {FollowUpSheet.objects.count()} fiches de suivi, "
        f"{Organisation.objects.accepted().count()} organismes dans l'annuaire"
    )
    print(counts, flush=True)
    if args.build_only:
        return 0
    plan, plan_path = write_plan(advisers, recruiters, args.users)
    connection.close()
    base = f"http://127.0.0.1:{args.port}"
    server = _server.start_gunicorn(
        ROOT / ".venv" / "bin", "portal.wsgi", args.port, args.workers, env, ROOT, "load-gunicorn.log"
    )
    try:
        _server.wait_until_up(server, base + "/healthz")
        warm_up(base, plan, plan_path)
        csv_prefix = _server.VAR / "load"
        command = [
            sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", base,
            "--users", str(args.users), "--spawn-rate", str(args.spawn_rate), "--run-time", args.duration,
            "--stop-timeout", "10", "--csv", str(csv_prefix), "--only-summary", "--loglevel", "WARNING",
        ]  # fmt: skip
        code = subprocess.call(command, cwd=ROOT, env={**env, "NEGE_LOAD_PLAN": str(plan_path)})
    finally:
        _server.stop(server)
    report(csv_prefix, args, counts, args.workers)
    return code


if __name__ == "__main__":
    sys.exit(main())
