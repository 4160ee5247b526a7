"""Shared by the bench scripts that measure real HTTP servers (load_scenario.py, bakerydemo.py): the
portal's bench environment, gunicorn started and stopped by process group, a readiness wait.

Not a benchmark itself (run.py skips files starting with "_").
"""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"

# The worker count of README.md's Production section (`gunicorn portal.wsgi --workers 4`), for a 2-core host.
README_WORKERS = 4

# Production settings for a plain-HTTP server on 127.0.0.1: DEBUG off, no HTTPS redirect, cookies sent
# over HTTP, the second factor in its documented demo mode ("offered": nobody is forced to enrol, see
# NEGE_TWO_FACTOR in README.md), static files without a manifest (no collectstatic; pages only).
PORTAL_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/nege_bench",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "SECRET_KEY": "bench-only-secret-key-that-is-long-enough-0123456789",
    "DEBUG": "0",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "NEGE_TWO_FACTOR": "offered",
    "NEGE_API_ANON_RATE": "1000000/hour",  # the public API's throttle would answer 429 to the bench's clients
    "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}


def portal_environment():
    """Set the bench defaults in os.environ (explicit variables win) and return a copy for subprocesses."""
    for key, value in PORTAL_ENV.items():
        os.environ.setdefault(key, value)
    if not os.environ["REDIS_URL"]:
        sys.exit("Ce banc d'essai mesure avec le cache Redis de la production : définissez REDIS_URL.")
    return dict(os.environ)


def start_gunicorn(python_dir, module, port, workers, env, cwd, log_name):
    """gunicorn `module` on 127.0.0.1:port in its own process group; its log goes to var/bench/."""
    VAR.mkdir(parents=True, exist_ok=True)
    command = [str(Path(python_dir) / "gunicorn"), module, "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
    command.append("--no-control-socket")  # gunicorn's default socket is one per user: other servers share it
    with open(VAR / log_name, "w") as log:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    process.log_path = VAR / log_name
    return process


def wait_until_up(process, url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn s'est arrêté, voir {process.log_path}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:  # refused, reset or timed out (urllib.error.URLError is one too)
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} ne répond pas après {timeout} s, voir {process.log_path}")


def stop(process):
    """Stop gunicorn and its workers (its own process group only)."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
