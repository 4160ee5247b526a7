"""Error reports to Sentry (portal/error_reporting.py): a failing request's event, as sentry-sdk would send it
(a transport collecting the envelopes: sentry-sdk's own extension point), carries no name, e-mail address or
file name of a candidate, no cookie and no request body; without SENTRY_DSN nothing is started."""

import io
import json
import logging
import os
import subprocess
import sys
from wsgiref.util import setup_testing_defaults

import pytest
import sentry_sdk
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from sentry_sdk.transport import Transport

import portal.urls
from portal.error_reporting import init_error_reporting, scrub_breadcrumb, scrub_event
from portal.logging import REDACTED
from tests.recruitment.factories import PDF_BYTES, CandidateFactory, partner_with_adviser

logger = logging.getLogger("tests.error_reporting")
FILE_NAME = "CV-1-DURAND-Zoe.pdf"


@csrf_exempt  # the test posts without a form
def failing_upload(request, pk):
    """A view that fails while handling a candidate's CV, with their data everywhere a report could look."""
    candidate = CandidateFactory._meta.model.objects.get(pk=pk)
    upload = request.FILES["cv"]
    logger.warning("Dépôt de %s pour %s (%s)", upload.name, candidate.last_name, candidate.email)
    raise RuntimeError(f"Échec du dépôt de {upload.name} pour {candidate.first_name} {candidate.last_name}")


urlpatterns = [path("panne/<int:pk>/", failing_upload), *portal.urls.urlpatterns]


class Envelopes(Transport):
    """Keeps what the SDK would send to the server."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)

    def events(self):
        return [item.payload.json for envelope in self.envelopes for item in envelope.items if item.type == "event"]


@pytest.fixture
def reports():
    transport = Envelopes()
    init_error_reporting("https://cle-publique@sentry.invalid/1", environment="test", transport=transport)
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)  # later tests report nothing


def post_through_wsgi(path, query, data, cookies, **headers):
    """A POST through Django's WSGI handler, as gunicorn calls it (the handler sentry-sdk wraps); the test's
    database connection is kept open across the request, as Django's test client does."""
    body = encode_multipart(BOUNDARY, data)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": MULTIPART_CONTENT,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "HTTP_HOST": "testserver",
        "HTTP_COOKIE": "; ".join(f"{morsel.key}={morsel.value}" for morsel in cookies.values()),
        **headers,
    }
    setup_testing_defaults(environ)
    statuses = []
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = get_wsgi_application()(environ, lambda status, headers, exc_info=None: statuses.append(status))
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return statuses[0]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_failing_request_reports_no_personal_data(client, reports):
    _organisation, adviser = partner_with_adviser()
    candidate = CandidateFactory(last_name="Durand", first_name="Zoé", email="zoe.durand@exemple.test")
    client.force_login(adviser)
    status = post_through_wsgi(
        f"/panne/{candidate.pk}/",
        "q=Durand",
        {"cv": SimpleUploadedFile(FILE_NAME, PDF_BYTES), "email": candidate.email, "last_name": "Durand"},
        client.cookies,
        HTTP_REFERER="http://testserver/recherche/?q=Durand+Zo%C3%A9",
        HTTP_USER_AGENT="Firefox",
    )
    assert status.startswith("500")

    events = reports.events()
    crash = next(e for e in events if e.get("exception"))
    assert crash["exception"]["values"][-1]["type"] == "RuntimeError"
    assert crash["exception"]["values"][-1]["value"] == REDACTED
    assert crash["exception"]["values"][-1]["stacktrace"]["frames"][-1]["function"] == "failing_upload"
    assert crash["request"]["url"] == f"http://testserver/panne/{candidate.pk}/"
    assert crash["request"]["method"] == "POST"
    assert set(crash.get("user", {})) <= {"id"}  # at most the id: no e-mail, name or address
    text = json.dumps(events, ensure_ascii=False)
    for personal in ("Durand", "DURAND", "Zoé", "Zoe", "zoe.durand", "exemple.test", adviser.email, FILE_NAME):
        assert personal.lower() not in text.lower(), personal
    assert "sessionid" not in text and "csrftoken" not in text
    assert all(not e.get("request", {}).get("data") and not e.get("request", {}).get("cookies") for e in events)


def test_the_hook_removes_what_an_integration_could_add():
    event = {
        "request": {
            "url": "https://nege.test/extranet/recrutement/?q=Durand",
            "method": "GET",
            "query_string": "q=Durand",
            "data": {"last_name": "Durand"},
            "cookies": {"sessionid": "abc"},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
            "headers": {"User-Agent": "Firefox", "Cookie": "sessionid=abc", "Referer": "https://nege.test/?q=Durand"},
        },
        "user": {"id": "7", "email": "zoe@exemple.test", "username": "zdurand", "ip_address": "203.0.113.9"},
        "logentry": {
            "message": "Dépôt de %s (%s)",
            "params": ["cv-zoe.pdf", "zoe@exemple.test"],
            "formatted": "Dépôt de cv-zoe.pdf (zoe@exemple.test)",
        },
        "breadcrumbs": {"values": [{"message": "envoi à zoe@exemple.test", "data": {"nom": "Durand"}}]},
        "extra": {"candidate": "Durand"},
    }
    scrubbed = scrub_event(event)
    assert scrubbed["request"] == {
        "url": "https://nege.test/extranet/recrutement/",
        "method": "GET",
        "headers": {"User-Agent": "Firefox"},
    }
    assert scrubbed["user"] == {"id": "7"}
    assert scrubbed["logentry"] == {"message": REDACTED}
    assert scrubbed["breadcrumbs"]["values"] == [{"message": f"envoi à {REDACTED}"}]
    assert "extra" not in scrubbed


def test_a_log_line_is_reported_by_its_place_only():
    record = logging.LogRecord(
        "recruitment", logging.INFO, "/app/recruitment/views.py", 42, "Dossier %s", ("Durand",), None
    )
    crumb = {"type": "log", "category": "recruitment", "message": record.getMessage(), "data": {"nom": "Durand"}}
    assert scrub_breadcrumb(crumb, {"log_record": record}) == {
        "type": "log",
        "category": "recruitment",
        "message": "views:42",
    }
    event = scrub_event({"logentry": {"message": "Dossier %s", "params": ["Durand"]}}, {"log_record": record})
    assert event["logentry"] == {"message": "views:42"}
    assert scrub_breadcrumb({"message": "GET /media/photo-zoe.jpg"})["message"] == f"GET /media/{REDACTED}"


def test_without_a_dsn_nothing_is_started():
    assert init_error_reporting("") is None
    env = {k: v for k, v in os.environ.items() if k != "SENTRY_DSN"}
    code = "import django; django.setup(); import sentry_sdk; print(sentry_sdk.is_initialized())"
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "False"
