"""Side by side with Wagtail's demo site (bakerydemo): req/s of comparable public pages, interleaved in one
run, both served by gunicorn with the same worker count on the same PostgreSQL and Redis.

bakerydemo is never part of this repository: it lives in its own checkout with its own virtualenv, built
by `--setup` (its requirements are rewritten at build time to the portal's Django and Wagtail pins, plus
psycopg, gunicorn and redis; a settings module `bakerydemo/settings/nege_bench.py` is written into the
checkout: DEBUG off, Redis cache, plain static storage).

  # once: a checkout (from a git directory, e.g. a clone or mirror of github.com/wagtail/bakerydemo),
  # its virtualenv, its database and its demo data (load_initial_data)
  .venv/bin/python bench/bakerydemo.py --setup --checkout /work/bakerydemo --git-dir /path/to/bakerydemo.git
  # each run (the portal's data: seed_demo + 1 000 organisations of directory.py, built once)
  BAKERYDEMO_DIR=/work/bakerydemo DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bench \
  BAKERYDEMO_DATABASE_URL=postgres://postgres@127.0.0.1:5432/nege_bakery REDIS_URL=redis://127.0.0.1:6379/1 \
      .venv/bin/python bench/bakerydemo.py [--workers 4] [--rounds 5] [--seconds 3] [--concurrency 4] [--port 8100]

Without a checkout (no BAKERYDEMO_DIR, no --checkout) the script says so and exits 0 (`make bench`).
Ports: the portal on --port, bakerydemo on --port + 1, both on 127.0.0.1.
"""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import _server

ROOT = _server.ROOT
sys.path.insert(0, str(ROOT))  # before bench/: the `directory` app, not bench/directory.py
SETTINGS_MODULE = "bakerydemo.settings.nege_bench"
SETTINGS = """# Written by the NEGE portal's bench/bakerydemo.py: production-like settings for the side-by-side run.
import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bakerydemo-bench-only-secret-key-0123456789abcdefghij"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "bakerydemo",
        }
    }
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
"""
# (label, portal page, bakerydemo page); portal pages given by a key are resolved from its database.
PAIRS = [
    ("accueil", "/", "/"),
    ("page de contenu / about", "content", "/about/"),
    ("actualités / blog index", "news_list", "/blog/"),
    ("une actualité / blog page", "news_item", "/blog/wild-yeast/"),
    ("annuaire / locations index", "directory", "/locations/"),
    ("annuaire / breads index", "directory", "/breads/"),
    ("API pages", "/api/v2/pages/", "/api/v2/pages/"),
    ("fiche d'organisme / location page", "organisation", "/locations/reykjavik/"),
]


def pinned(name):
    """The portal's pin of a package (requirements.txt), e.g. "Django==5.2.19"."""
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if re.match(rf"{re.escape(name)}(\[.*\])?==", line, re.IGNORECASE):
            return line.split("#")[0].strip()
    raise LookupError(name)


def bakery_env(checkout):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DATABASE_URL=os.environ.get("BAKERYDEMO_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nege_bakery"),
        PYTHONPATH=str(checkout),
    )
    return env


def setup(checkout, git_dir):
    """Checkout, virtualenv with the portal's Django/Wagtail, settings, database and demo data (idempotent)."""
    import psycopg

    checkout = Path(checkout)
    if not (checkout / "manage.py").exists():
        if not git_dir:
            sys.exit(f"{checkout} n'est pas une copie de bakerydemo : donnez --git-dir pour l'extraire.")
        checkout.mkdir(parents=True, exist_ok=True)
        archive = subprocess.Popen(["git", "--git-dir", str(git_dir), "archive", "HEAD"], stdout=subprocess.PIPE)
        subprocess.check_call(["tar", "-x", "-C", str(checkout)], stdin=archive.stdout)
        if archive.wait():
            sys.exit("git archive a échoué")
    python = checkout / ".venv" / "bin" / "python"
    if not python.exists():
        subprocess.check_call([sys.executable, "-m", "venv", str(checkout / ".venv")])
    lines = []
    for line in (checkout / "requirements" / "base.txt").read_text().splitlines():
        name = re.split(r"[<>=~!\[ ]", line.strip(), maxsplit=1)[0].lower()
        lines.append({"django": pinned("Django"), "wagtail": pinned("wagtail")}.get(name, line))
    lines += [pinned("psycopg"), pinned("gunicorn"), pinned("redis")]
    requirements = checkout / "requirements" / "nege-bench.txt"
    requirements.write_text("\n".join(lines) + "\n")
    subprocess.check_call([str(python), "-m", "pip", "install", "--quiet", "-r", str(requirements)])
    (checkout / "bakerydemo" / "settings" / "nege_bench.py").write_text(SETTINGS)
    env = bakery_env(checkout)
    url = env["DATABASE_URL"]
    database = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone():
            connection.execute(f'CREATE DATABASE "{database}"')
    manage = [str(python), "manage.py"]
    subprocess.check_call([*manage, "migrate", "--noinput", "-v", "0"], cwd=checkout, env=env)
    with psycopg.connect(url) as connection:
        pages = connection.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0]
    if pages <= 2:  # the root and Wagtail's welcome page: no demo data yet
        subprocess.check_call([*manage, "load_initial_data"], cwd=checkout, env=env)
    print(f"bakerydemo prête dans {checkout} (base {database}).")


def portal_pages(organisations):
    """The portal's data (demo content + directory.py's organisations, built once) and its comparable pages."""
    import importlib.util

    from django.core.management import call_command

    from directory.models import DirectoryPage
    from news.models import NewsIndexPage, NewsPage
    from portal.accounts.models import User
    from portal.organisations.models import Organisation
    from portal.pages.models import ContentPage

    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    call_command("setup_roles", verbosity=0)
    if not User.objects.filter(username="redacteur").exists():
        call_command("seed_demo", force=True, verbosity=0)
    spec = importlib.util.spec_from_file_location("bench_directory", ROOT / "bench" / "directory.py")
    directory_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(directory_bench)
    directory_bench.seed(organisations)
    directory = DirectoryPage.objects.live().first().url
    organisation = Organisation.objects.accepted().exclude(logo=None).order_by("slug").first()
    return {
        "content": ContentPage.objects.live().order_by("path").first().url,
        "news_list": NewsIndexPage.objects.live().first().url,
        "news_item": NewsPage.objects.live().filter(extranet_only=False).order_by("-pk").first().url,
        "directory": directory,
        "organisation": f"{directory}{organisation.slug}/",
        "listed": Organisation.objects.accepted().count(),
    }


def hammer(port, path, seconds, concurrency):
    """`concurrency` clients requesting `path` back to back for `seconds`: (requests, errors, latencies)."""
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
            finally:
                connection.close()
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - started)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), errors[0], latencies, time.perf_counter() - started


def measure(pairs, ports, args):
    totals = {(label, side): [0, 0, [], 0.0] for label, *_ in pairs for side in (0, 1)}
    for round_ in range(args.rounds):
        for label, *paths in pairs:
            order = (0, 1) if round_ % 2 == 0 else (1, 0)  # neither site always goes first
            for side in order:
                count, errors, latencies, elapsed = hammer(ports[side], paths[side], args.seconds, args.concurrency)
                total = totals[(label, side)]
                total[0] += count
                total[1] += errors
                total[2] += latencies
                total[3] += elapsed
    return totals


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkout", default=os.environ.get("BAKERYDEMO_DIR"), help="bakerydemo checkout")
    parser.add_argument("--git-dir", help="git directory to extract bakerydemo from (with --setup)")
    parser.add_argument("--setup", action="store_true", help="build the checkout, its venv, database and data")
    parser.add_argument("--workers", type=int, default=_server.README_WORKERS)
    parser.add_argument("--port", type=int, default=8100, help="the portal's port; bakerydemo's is the next one")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3, help="per page, per site, per round")
    parser.add_argument("--concurrency", type=int, default=None, help="clients at once (default: the workers)")
    parser.add_argument("--organisations", type=int, default=1000)
    args, _unknown = parser.parse_known_args()
    args.concurrency = args.concurrency or args.workers
    if not args.checkout:
        print("bakerydemo : pas de copie (BAKERYDEMO_DIR ou --checkout), comparaison ignorée.")
        return 0
    checkout = Path(args.checkout).resolve()
    env = _server.portal_environment()
    if args.setup:
        setup(checkout, args.git_dir)
    if not (checkout / ".venv" / "bin" / "gunicorn").exists():
        sys.exit(f"{checkout} n'est pas prête : lancez d'abord ce script avec --setup.")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("Ce banc d'essai est prévu pour PostgreSQL (DATABASE_URL).")
        return 1
    pages = portal_pages(args.organisations)
    connection.close()
    pairs = [(label, pages.get(portal, portal), bakery) for label, portal, bakery in PAIRS]
    ports = (args.port, args.port + 1)
    servers = []
    try:
        servers.append(
            _server.start_gunicorn(
                ROOT / ".venv" / "bin", "portal.wsgi", ports[0], args.workers, env, ROOT, "pair-portal.log"
            )
        )
        servers.append(
            _server.start_gunicorn(
                checkout / ".venv" / "bin", "bakerydemo.wsgi", ports[1], args.workers, bakery_env(checkout), checkout,
                "pair-bakerydemo.log",
            )
        )  # fmt: skip
        _server.wait_until_up(servers[0], f"http://127.0.0.1:{ports[0]}/healthz")
        _server.wait_until_up(servers[1], f"http://127.0.0.1:{ports[1]}/")
        for _label, *paths in pairs:  # warm-up: caches, renditions, each worker's first request
            for side in (0, 1):
                count, errors, _, _ = hammer(ports[side], paths[side], 1, args.workers)
                if errors and not count:
                    raise RuntimeError(f"127.0.0.1:{ports[side]}{paths[side]} ne répond pas 200")
        totals = measure(pairs, ports, args)
    finally:
        for server in servers:
            _server.stop(server)
    print(
        f"NEGE / bakerydemo, {args.rounds} tours entrelacés de {args.seconds:g} s par page et par site, "
        f"{args.concurrency} clients, gunicorn {args.workers} workers chacun, annuaire à {pages['listed']} organismes"
    )
    print("| page NEGE / bakerydemo | NEGE req/s | bakerydemo req/s | rapport | NEGE p50 ms | bakerydemo p50 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    failed = 0
    for label, portal, bakery in pairs:
        rates, medians = [], []
        for side in (0, 1):
            count, errors, latencies, elapsed = totals[(label, side)]
            failed += errors
            rates.append(count / elapsed)
            medians.append(statistics.median(latencies) * 1000 if latencies else float("nan"))
        print(
            f"| {label} (`{portal}` / `{bakery}`) | {rates[0]:.1f} | {rates[1]:.1f} | {rates[0] / rates[1]:.2f}× "
            f"| {medians[0]:.0f} | {medians[1]:.0f} |"
        )
    if failed:
        print(f"{failed} réponses en erreur (autre que 200).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
