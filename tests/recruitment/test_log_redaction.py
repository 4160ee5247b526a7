"""No personal data in application logs or error reports: a request that fails with a candidate's data in its
POST leaves neither e-mail, phone, CAF number nor name in the log written by the configured handlers, nor in the
error report sent to the administrators."""

import io
import logging
import sys

import pytest
from django.test import RequestFactory
from django.urls import path
from django.views.debug import get_exception_reporter_class

from portal import urls as site_urls
from portal.logging import PersonalDataFilter

PERSONAL = {
    "last_name": "Quentrec",
    "first_name": "Maëlys",
    "email": "maelys.quentrec@exemple.test",
    "phone": "06 12 34 56 78",
    "caf_number": "1234567",
    "city": "Sélestat",
}


def failing_view(request):
    """Fails the way an integrity error does: quoting the values it was given."""
    data = request.POST
    raise ValueError(
        f"Enregistrement impossible : {data['last_name']} {data['first_name']} <{data['email']}>, "
        f"tél. {data['phone']}, CAF {data['caf_number']}, {data['city']}"
    )


urlpatterns = [path("echec/", failing_view), *site_urls.urlpatterns]


@pytest.fixture
def configured_log():
    """The output of the handlers settings.LOGGING configures (those redacting personal data)."""
    handlers = [h for h in logging.getLogger().handlers if any(isinstance(f, PersonalDataFilter) for f in h.filters)]
    assert handlers, "settings.LOGGING must put PersonalDataFilter on its handlers"
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


@pytest.mark.urls(__name__)
def test_a_failing_request_leaves_no_personal_data_in_the_log(client, configured_log):
    client.raise_request_exception = False
    response = client.post("/echec/", PERSONAL)
    assert response.status_code == 500
    written = configured_log.getvalue()
    assert "Internal Server Error: /echec/" in written and "ValueError: Enregistrement impossible" in written
    for value in PERSONAL.values():
        assert value not in written, value


def test_error_report_hides_what_was_typed():
    request = RequestFactory().post("/echec/", PERSONAL)
    try:
        failing_view(request)
    except ValueError:
        reporter = get_exception_reporter_class(request)(request, *sys.exc_info())
        report = reporter.get_traceback_text() + reporter.get_traceback_html()
    assert "ValueError" in report and "last_name" in report
    for value in PERSONAL.values():
        assert value not in report, value


def test_log_lines_outside_a_request_lose_addresses_and_numbers():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "Envoi à %s (%s)", ("a.b@exemple.test", "0612345678"), None
    )
    PersonalDataFilter().filter(record)
    assert record.getMessage() == "Envoi à [donnée masquée] ([donnée masquée])"
