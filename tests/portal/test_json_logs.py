"""Production logs: one JSON object per line, with the request id and the user id, and no personal data."""

import io
import json
import logging

import pytest

from portal.log_context import JsonFormatter
from portal.logging import PersonalDataFilter
from tests.recruitment.test_log_redaction import PERSONAL

from .factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.recruitment.test_log_redaction")]


@pytest.fixture
def json_log():
    """The configured handlers (those of settings.LOGGING), writing JSON to a buffer as in production."""
    handlers = [h for h in logging.getLogger().handlers if any(isinstance(f, PersonalDataFilter) for f in h.filters)]
    stream = io.StringIO()
    saved = [(handler.setStream(stream), handler.formatter) for handler in handlers]
    for handler in handlers:
        handler.setFormatter(JsonFormatter())
    yield stream
    for handler, (old_stream, old_formatter) in zip(handlers, saved, strict=True):
        handler.setStream(old_stream)
        handler.setFormatter(old_formatter)


def test_a_failing_request_logs_json_with_its_ids_and_no_personal_data(client, json_log):
    user = UserFactory()
    client.force_login(user)
    client.raise_request_exception = False
    response = client.post("/echec/", PERSONAL, headers={"X-Request-ID": "lb-7f3a9c2e"})
    assert response.status_code == 500
    entries = [json.loads(line) for line in json_log.getvalue().splitlines()]
    error = next(entry for entry in entries if entry["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert error["request_id"] == "lb-7f3a9c2e"
    assert error["user_id"] == user.pk
    assert "ValueError" in error["exception"]
    for value in PERSONAL.values():
        assert value not in json_log.getvalue(), value


def test_every_response_carries_a_request_id(client):
    given = client.get("/healthz-absent/", headers={"X-Request-ID": "lb-1234abcd"})
    assert given["X-Request-ID"] == "lb-1234abcd"
    forged = client.get("/healthz-absent/", headers={"X-Request-ID": "<script>"})
    assert len(forged["X-Request-ID"]) == 32 and forged["X-Request-ID"] != "<script>"
