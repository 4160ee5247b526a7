"""Optional error reports to a Sentry server (sentry-sdk), only when `SENTRY_DSN` is set, without personal data.

`send_default_pii=False` keeps the SDK from attaching cookies, user details and client addresses, request
bodies are never read (`max_request_body_size="never"`) nor local variables (`include_local_variables`), and
`scrub_event` (the `before_send` and `before_send_transaction` hook) removes whatever could still carry a
person's data, whatever an integration added:

- the request keeps its method, its URL without query string (search terms are names) and a few technical
  headers; its body, cookies, query string and environment (addresses) go;
- the user is reduced to their id (the JSON logs carry it too): no e-mail, name, username or address;
- an exception keeps its type and its stack (file, function, line: enough to find the bug) but not its
  message, which may quote data (PostgreSQL's DETAIL line of a duplicate key quotes the names), nor the
  variables of its frames;
- a log line (a logged error, a breadcrumb) is sent as the module and line that wrote it, not its text;
  other breadcrumbs keep their message (SQL with placeholders) redacted like the logs (portal/logging.py)
  and of file names, without their data (SQL parameters, HTTP details): `scrub_breadcrumb`.
"""

import re

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from portal.logging import REDACTED, redact

#: A file name with one of the extensions the portal accepts or produces (CVs, scans, exports, images).
FILE_NAME = re.compile(
    r"[^\s/\\'\"<>()\[\]]+\.(?:pdf|docx?|odt|rtf|txt|xlsx?|ods|csv|zip|png|jpe?g|gif|webp|svg)\b", re.IGNORECASE
)
#: Request headers kept in a report: nothing a person typed or that identifies them.
SAFE_HEADERS = {"host", "user-agent", "accept", "accept-language", "content-type", "content-length", "x-request-id"}


def init_error_reporting(dsn, *, environment="production", release=None, transport=None):
    """Start the SDK when `dsn` is set; without it nothing happens (None). `transport`: sentry-sdk's own hook."""
    if not dsn:
        return None
    return sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        transport=transport,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        include_source_context=False,
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        traces_sample_rate=0,
    )


def scrub(text):
    """A message as a report may carry it: redacted like a log line, and of file names."""
    if not isinstance(text, str):
        return REDACTED if text else text
    return FILE_NAME.sub(REDACTED, redact(text))


def scrub_event(event, hint=None):
    """Sentry's `before_send`: the event without personal data (see the module docstring)."""
    _scrub_request(event)
    if event.get("user"):
        event["user"] = {"id": event["user"]["id"]} if event["user"].get("id") else {}
    for exception in (event.get("exception") or {}).get("values", []):
        if exception.get("value"):
            exception["value"] = REDACTED
        _scrub_frames(exception.get("stacktrace"))
    for thread in (event.get("threads") or {}).get("values", []):
        _scrub_frames(thread.get("stacktrace"))
    if event.get("logentry"):  # a logged error: where, not what (see `log_location`)
        record = (hint or {}).get("log_record")
        event["logentry"] = {"message": log_location(record) if record is not None else REDACTED}
    if event.get("message"):
        event["message"] = scrub(event["message"])
    breadcrumbs = event.get("breadcrumbs") or {}
    for crumb in breadcrumbs.get("values", []) if isinstance(breadcrumbs, dict) else breadcrumbs:
        crumb.pop("data", None)
        if crumb.get("message"):
            crumb["message"] = scrub(crumb["message"])
    event.pop("extra", None)
    return event


def scrub_breadcrumb(crumb, hint=None):
    """Sentry's `before_breadcrumb`: a log line is replaced by where it was written, any other breadcrumb
    loses its data (SQL parameters, HTTP details)."""
    record = (hint or {}).get("log_record")
    if record is not None:
        crumb["message"] = log_location(record)
    elif crumb.get("message"):
        crumb["message"] = scrub(crumb["message"])
    crumb.pop("data", None)
    return crumb


def log_location(record):
    """What a report keeps of a log line: its module and line. Not its text: our log handlers have already
    formatted the arguments into it (portal/logging.py), and a name in it cannot be told from a word."""
    return f"{record.module}:{record.lineno}"


def _scrub_request(event):
    request = event.get("request")
    if not request:
        return
    for key in ("data", "cookies", "query_string", "env"):
        request.pop(key, None)
    if request.get("url"):
        request["url"] = scrub(request["url"].split("?", 1)[0])
    headers = request.get("headers") or {}
    request["headers"] = {name: value for name, value in headers.items() if name.lower() in SAFE_HEADERS}


def _scrub_frames(stacktrace):
    for frame in (stacktrace or {}).get("frames", []):
        for key in ("vars", "pre_context", "context_line", "post_context"):
            frame.pop(key, None)
