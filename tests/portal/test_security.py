"""Security baseline: HTTP headers, the public API's scope, Django's deployment check."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import PageViewRestriction

from .factories import UserFactory
from .page_factories import ContentPageFactory

ROOT = Path(__file__).resolve().parents[2]


def csp(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
class TestHeaders:
    def test_public_home_page_has_a_strict_csp(self, client):
        policy = csp(client.get("/"))
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]

    def test_only_the_extranet_relaxes_inline_code(self, client):
        assert "'unsafe-inline'" in csp(client.get("/extranet/login/"))["script-src"]
        assert "'unsafe-inline'" not in csp(client.get("/cette-page-n-existe-pas/"))["script-src"]

    def test_security_headers(self, client):
        response = client.get("/")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
class TestPublicApi:
    def test_pages_endpoint_lists_only_live_public_pages(self, client):
        public = ContentPageFactory(title="Page publique", slug="publique")
        draft = ContentPageFactory(title="Brouillon", slug="brouillon", draft=True)
        private = ContentPageFactory(title="Réservée aux membres", slug="reservee")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

        response = client.get("/api/v2/pages/?limit=100")
        assert response.status_code == 200
        ids = {item["id"] for item in response.json()["items"]}
        assert public.id in ids
        assert draft.id not in ids
        assert private.id not in ids
        assert client.get(f"/api/v2/pages/{draft.id}/").status_code == 404
        assert client.get(f"/api/v2/pages/{private.id}/").status_code == 404
        assert client.get(f"/api/v2/pages/{public.id}/").status_code == 200

    def test_api_ignores_session_authentication(self, client):
        # Even a logged-in administrator gets public content only: the API has no authentication.
        draft = ContentPageFactory(slug="brouillon-api", draft=True)
        client.force_login(UserFactory(administrator=True))
        assert client.get(f"/api/v2/pages/{draft.id}/").status_code == 404


def test_deploy_check_is_clean():
    secret = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(50))
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": secret, "ALLOWED_HOSTS": "nege.example.org"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' conftest, never in deployment
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
