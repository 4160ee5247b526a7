"""Health endpoints for the load balancer and the orchestrator.

- `/healthz`: the process answers (no dependency is touched, so a database outage does not make every
  web process look dead and get restarted in a loop);
- `/readyz`: the database, the cache (rate limits, sessions of the limits), the task broker and the file
  storage answer; 503 otherwise.

Both are answered by a middleware placed first, before host validation and the HTTPS redirect: probes
come from inside the network, by IP address and plain HTTP. The public body says only "ok" or
"indisponible"; which dependency failed goes to the log, never to the response.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django_q.brokers import get_broker

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was written")
    cache.delete(key)


def check_broker():
    if not get_broker().ping():
        raise RuntimeError("the task broker does not answer")


def check_storage():
    default_storage.exists("readyz-probe")  # a HEAD on S3, a stat on a local folder


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker, "storage": check_storage}


def failed_checks():
    """The names of the dependencies that do not answer (each failure logged with its reason)."""
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure makes the process not ready
            logger.error("Readiness check %s failed: %s", name, type(error).__name__)
            failed.append(name)
    return failed


def _answer(ok):
    response = JsonResponse({"status": "ok" if ok else "indisponible"}, status=200 if ok else 503)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH:
            return _answer(True)
        if request.path == READY_PATH:
            return _answer(not failed_checks())
        return self.get_response(request)
