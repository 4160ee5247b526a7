"""Benchmark of the pool search ("Recherche dans le vivier") on PostgreSQL.

100 000 dossiers (a third in the pool: classified Employable/Adaptable, with consent, each with a completed
commission analysis and ~15 assessed skills) and 20 000 follow-up sheets, bulk-created once and kept.
Reports the median and p95 server time (full Django stack, test Client) of ten filter combinations and
two rankings by fit ("Classer par adéquation", one from a pool search), and the number of SQL queries of
one request. The yardstick is the bare extranet dashboard (an editor's: the frame, no panel of ours),
measured in the same loop, request after request with the others: absolute times move with the machine's
load, the ratio much less. Targets (issue #16): p95 < 100 ms on a quiet machine and ≤ 1.5 × the dashboard's
p95; SQL queries independent of the page size (checked here with `per_page=100`).

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bench .venv/bin/python bench/pool_search.py
       [--count 100000] [--sheets 20000] [--runs 20] [--only adéquation]
"""

import argparse
import os
import random
import re
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
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
# The documented demo mode of the second factor (nobody forced to enrol): the benchmarked recruiter logs in.
os.environ.setdefault("NEGE_TWO_FACTOR", "offered")

SKILLS_PER_CANDIDATE = 15


def ensure_users():
    from django.contrib.auth.models import Group

    from portal.accounts.models import User
    from portal.accounts.roles import Role
    from portal.organisations.enums import CategoryCode
    from portal.organisations.models import Organisation, OrganisationCategory

    def org(slug, name, code):
        category = OrganisationCategory.objects.get(code=code)
        return Organisation.objects.get_or_create(slug=slug, defaults={"name": name, "category": category})[0]

    def user(username, organisation, role):
        obj, created = User.objects.get_or_create(
            username=username, defaults={"organisation": organisation, "email": f"{username}@exemple.test"}
        )
        if created:
            obj.groups.add(Group.objects.get(name=role))
        return obj

    advisers = [
        user(
            f"bench.referent.{k}",
            org(f"bench-partenaire-{k}", f"Partenaire banc {k.upper()}", CategoryCode.EMPLOYMENT_PARTNER),
            Role.EMPLOYMENT_ADVISER,
        )
        for k in ("a", "b")
    ]
    companies = [org(f"bench-entreprise-{i}", f"Entreprise banc {i}", CategoryCode.COMPANY) for i in range(20)]
    recruiters = [user(f"bench.recruteur.{i}", company, Role.COMPANY_RECRUITER) for i, company in enumerate(companies)]
    editor = user("bench.redacteur", None, Role.EDITOR)  # the yardstick's bare dashboard (as dossier_search.py)
    return advisers, recruiters, editor


def build_pool(rng):
    """A third of the dossiers in the pool, each with a completed analysis and ~15 skills."""
    from django.db import connection, transaction
    from django.utils import timezone

    from recruitment.commission.enums import AnalysisState, MasteryLevel
    from recruitment.commission.models import Analysis, AnalysisSkill, Session
    from recruitment.commission.profiles import refresh_profiles
    from recruitment.demo import ensure_terms
    from recruitment.enums import Classification, ConsentMethod
    from recruitment.models import Candidate, Consent, ExperienceBand, Skill, StudyLevel, TrainingCourse, mark_consent
    from recruitment.storage_demo import DEMO_SIGNATURE_NAME

    if Analysis.objects.filter(session__place="Banc d'essai").exists():
        return
    started = time.perf_counter()
    today = timezone.localdate()
    table = Candidate._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET classification = NULL, classified_on = NULL WHERE id % 3 <> 0")
        cursor.execute(
            f"UPDATE {table} SET classification = CASE WHEN id %% 2 = 0 THEN %s ELSE %s END, "
            f"classified_on = %s::date - (id %% 700)::integer WHERE id %% 3 = 0",
            [Classification.EMPLOYABLE, Classification.ADAPTABLE, today],
        )
    pool_ids = list(Candidate.objects.filter(classification__isnull=False).values_list("pk", flat=True))
    with_consent = set(Consent.objects.values_list("candidate_id", flat=True))
    terms = ensure_terms()
    Consent.objects.bulk_create(
        [
            Consent(candidate_id=pk, method=ConsentMethod.SIGNATURE, file=DEMO_SIGNATURE_NAME, terms=terms)
            for pk in pool_ids
            if pk not in with_consent
        ],
        batch_size=5000,
    )
    mark_consent(pool_ids, True)  # bulk_create bypasses Consent.save()
    from portal.accounts.models import User
    from portal.organisations.models import Territory

    pilot, _ = User.objects.get_or_create(username="bench.pilote", defaults={"email": "bench.pilote@exemple.test"})
    session = Session.objects.create(
        date=today - timedelta(days=30), place="Banc d'essai", territory=Territory.objects.first(), pilot=pilot
    )
    levels = list(StudyLevel.objects.all())
    bands = list(ExperienceBand.objects.all())
    skills = list(Skill.objects.values_list("pk", flat=True))
    courses = list(TrainingCourse.objects.values_list("pk", flat=True))
    mastery = MasteryLevel.values
    through = Analysis.training_courses.through
    for start in range(0, len(pool_ids), 5000):
        chunk = pool_ids[start : start + 5000]
        with transaction.atomic():
            analyses = Analysis.objects.bulk_create(
                [
                    Analysis(
                        session=session,
                        candidate_id=pk,
                        state=AnalysisState.COMPLETED,
                        level_with_diploma=rng.choice(levels),
                        digital_experience=rng.choice(bands),
                    )
                    for pk in chunk
                ],
                batch_size=5000,
            )
            rows, links = [], []
            for analysis in analyses:
                for skill_id in rng.sample(skills, k=min(len(skills), SKILLS_PER_CANDIDATE)):
                    rows.append(AnalysisSkill(analysis_id=analysis.pk, skill_id=skill_id, level=rng.choice(mastery)))
                if rng.random() < 0.3:
                    links.append(through(analysis_id=analysis.pk, trainingcourse_id=rng.choice(courses)))
            AnalysisSkill.objects.bulk_create(rows, batch_size=10000)
            through.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)
            refresh_profiles(chunk)  # bulk_create sends no signals
    print(f"Vivier : {len(pool_ids)} dossiers analysés en {time.perf_counter() - started:.1f} s")


def build_sheets(recruiters, count, rng):
    from django.utils import timezone

    from recruitment.models import Candidate, SarResult
    from recruitment.sar.models import FollowUpSheet

    missing = count - FollowUpSheet.objects.count()
    if missing <= 0:
        return
    started = time.perf_counter()
    pool_ids = list(Candidate.objects.filter(classification__isnull=False).values_list("pk", flat=True))
    results = list(SarResult.objects.select_related("status"))
    now = timezone.now()
    sheets, seen = [], set(FollowUpSheet.objects.values_list("company_id", "candidate_id"))
    while len(sheets) < missing:
        recruiter = rng.choice(recruiters)
        key = (recruiter.organisation_id, rng.choice(pool_ids))
        if key in seen:
            continue
        seen.add(key)
        result = rng.choice(results)
        due = None if result.days_before_update is None else (now + timedelta(days=rng.randint(1, 200))).date()
        sheets.append(
            FollowUpSheet(
                company_id=key[0],
                candidate_id=key[1],
                created_by=recruiter,
                result=result,
                status=result.status,
                due_on=due,  # in the future: the benchmarked recruiters are not locked out
                created_at=now,
                updated_at=now,
            )
        )
    FollowUpSheet.objects.bulk_create(sheets, batch_size=5000)
    print(f"{missing} fiches de suivi créées en {time.perf_counter() - started:.1f} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000, help="dossiers (default 100 000)")
    parser.add_argument("--sheets", type=int, default=20_000, help="follow-up sheets (default 20 000)")
    parser.add_argument("--runs", type=int, default=20, help="requests per combination")
    parser.add_argument("--only", default="", help="measure only the combinations whose label contains this")
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
    from recruitment.models import Candidate, ExperienceBand, Job, Skill, SkillTheme, StudyLevel, TrainingCourse
    from recruitment.sar.models import FollowUpSheet

    rng = random.Random("pool-bench")
    advisers, recruiters, editor = ensure_users()
    missing = args.count - Candidate.objects.count()
    if missing > 0:
        started = time.perf_counter()
        create_candidates(missing, advisers, seed_key=f"bench-{missing}", batch_size=5000)
        print(f"{missing} dossiers créés en {time.perf_counter() - started:.1f} s")
    build_pool(rng)
    build_sheets(recruiters, args.sheets, rng)
    FollowUpSheet.objects.filter(created_by=recruiters[0], due_on__lt=django.utils.timezone.localdate()).update(
        due_on=django.utils.timezone.localdate() + timedelta(days=30)
    )
    with connection.cursor() as cursor:
        # What autovacuum does in production (the bench's bulk updates leave dead rows and no visibility map).
        cursor.execute("VACUUM ANALYZE")

    url = reverse("sar_pool:index")
    areas = list(EmploymentArea.objects.order_by("order").values_list("pk", flat=True))
    jobs = list(Job.objects.values_list("pk", flat=True)[:4])
    themes = list(SkillTheme.objects.order_by("order").values_list("pk", flat=True))
    levels = list(StudyLevel.objects.order_by("order").values_list("pk", flat=True))
    bands = list(ExperienceBand.objects.order_by("order").values_list("pk", flat=True))
    fis = TrainingCourse.objects.get(code="fis").pk
    month_ago = (django.utils.timezone.localdate() - timedelta(days=30)).isoformat()
    year_ago = (django.utils.timezone.localdate() - timedelta(days=365)).isoformat()
    combinations = [
        ("sans filtre (tri par date de classification)", {}),
        ("bassin d'emploi", {"employment_area": areas[:1]}),
        ("nom partiel", {"name": "mar"}),
        ("métiers actuels (2)", {"current_jobs": jobs[:2]}),
        ("niveau d'étude + années d'expérience", {"study_level": levels[-3:], "digital_experience": bands[2:4]}),
        ("thème de compétence", {"skill_theme": themes[:2]}),
        ("thème + niveau de maîtrise", {"skill_theme": themes[2:4], "mastery_level": ["experimente"]}),
        ("formation envisagée ou suivie", {"training": [fis]}),
        ("classification + classifié depuis un mois", {"classification": ["employable"], "classified_from": month_ago}),
        (
            "tout combiné (bassin, métiers, thème, niveau, classifié avant, situation)",
            {
                "employment_area": areas[:3],
                "current_jobs": jobs,
                "skill_theme": themes[:6],
                "mastery_level": ["operationnel", "experimente"],
                "classified_before": month_ago,
                "situation_changed_from": year_ago,
            },
        ),
    ]
    ranking_url = reverse("sar_pool:ranking")
    wanted = list(Skill.objects.order_by("theme__order", "order").values_list("pk", flat=True)[::40][:5])
    need = {f"fit_skill_{i}": pk for i, pk in enumerate(wanted, start=1)}
    need.update({f"fit_mastery_{i}": m for i, m in enumerate(["operationnel", "experimente", "debutant"] * 2, 1)})
    need.update(
        {
            "fit_job": jobs[0],
            "fit_study_level": levels[3],
            "fit_experience": bands[1],
            "fit_area": areas[0],
            "fit_training": fis,
        }
    )
    combinations = [(label, url, params) for label, params in combinations] + [
        ("classement par adéquation (5 compétences, métier, niveau, expérience, bassin, formation)", ranking_url, need),
        (
            "classement par adéquation d'une recherche (bassins + thèmes) + 2 compétences",
            ranking_url,
            {"employment_area": areas[:3], "skill_theme": themes[:6], **{k: need[k] for k in list(need)[:2]}},
        ),
    ]
    combinations = [c for c in combinations if args.only in c[0]]
    in_pool = Candidate.objects.filter(classification__isnull=False).count()
    print(
        f"Recherche dans le vivier : {Candidate.objects.count()} dossiers, {in_pool} dans le vivier, "
        f"{FollowUpSheet.objects.count()} fiches, {args.runs} requêtes par combinaison, en alternance"
    )
    bare, client = Client(), Client()
    bare.force_login(editor)
    client.force_login(recruiters[0])
    yardstick_label = "tableau de bord nu d'un rédacteur (étalon)"
    pages = [(yardstick_label, bare, reverse("wagtailadmin_home"), {})]
    pages += [(label, client, url, params) for label, url, params in combinations]
    facts = {}
    for label, page_client, url, params in pages:
        measure(page_client, url, params)  # warm-up: caches, connection
        queries = []
        _elapsed, response = measure(page_client, url, params, queries)
        found = None
        if page_client is client:
            match = re.search(r'class="sar-count">(\d+)', response.content.decode())
            assert match, "le recruteur du banc d'essai est bloqué (fiches échues) ou la page a changé"
            found = int(match.group(1))
            wide = []
            measure(page_client, url, {**params, "per_page": 100}, wide)
            assert len(wide) == len(queries), (label, len(queries), len(wide))  # independent of the page size
        facts[label] = (found, len(queries))
    timings = {label: [] for label, *_rest in pages}
    for _ in range(args.runs):  # interleaved: every page sees the same moments of the machine
        for label, page_client, url, params in pages:
            timings[label].append(measure(page_client, url, params)[0])
    yardstick = percentile(timings[yardstick_label], 0.95)
    worst = worst_ratio = 0
    for label, *_rest in pages:
        p95 = percentile(timings[label], 0.95)
        found, queries = facts[label]
        ratio = p95 / yardstick if yardstick else 0
        if label != yardstick_label:
            worst, worst_ratio = max(worst, p95), max(worst_ratio, ratio)
        results = "" if found is None else f"{found} résultats, "
        print(
            f"- {label} : {results}médiane {statistics.median(timings[label]):.0f} ms, "
            f"p95 {p95:.0f} ms ({ratio:.2f} × l'étalon), {queries} requêtes SQL"
        )
    print(
        f"p95 le plus élevé : {worst:.0f} ms (objectif < 100 ms à vide), "
        f"soit {worst_ratio:.2f} × l'étalon (objectif ≤ 1,5)"
    )
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
