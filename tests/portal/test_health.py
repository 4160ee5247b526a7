"""Health endpoints: what a load balancer and an orchestrator probe, and what they must not learn."""

import logging

import pytest
from django.core.cache.backends.redis import RedisCache

from portal.operations import health

pytestmark = pytest.mark.django_db

PROBE = {"HTTP_HOST": "10.0.0.7:8000"}  # a probe from inside the network: by IP address, plain HTTP


@pytest.fixture
def production_like(settings):
    settings.ALLOWED_HOSTS = ["www.numeric-emploi.org"]
    settings.SECURE_SSL_REDIRECT = True


def test_healthz_answers_probes_by_ip_over_http(client, production_like):
    response = client.get("/healthz", **PROBE)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_answers_when_every_dependency_does(client, production_like):
    response = client.get("/readyz", **PROBE)
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_readyz_is_unavailable_without_the_cache_and_says_why_only_in_the_log(client, monkeypatch, caplog):
    # A real Redis client pointed at a port where nothing listens.
    monkeypatch.setattr(health, "cache", RedisCache("redis://127.0.0.1:1/0", {}))
    with caplog.at_level(logging.ERROR, logger="portal.operations.health"):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "indisponible"}  # nothing about the failing part in public
    assert "Readiness check cache failed" in caplog.text


def test_other_paths_still_check_the_host(client, production_like):
    assert client.get("/", **PROBE).status_code == 400
