"""Structured logs: every line of a request carries its request id and the user's id (never a name).

`RequestContextMiddleware` (after authentication) takes the proxy's `X-Request-ID` when it is a plain token,
or makes one, returns it in the response header and keeps it, with the user's id, in a context variable;
`RequestContextFilter` copies them onto every log record; `JsonFormatter` writes one JSON object per line
(the production default, `LOG_FORMAT=json`). The personal-data filter of `portal/logging.py` runs before
formatting, so the JSON holds the redacted message.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

_context = contextvars.ContextVar("nege_log_context", default=None)
REQUEST_ID_HEADER = "X-Request-ID"
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_context():
    return _context.get() or {}


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = given if VALID_REQUEST_ID.match(given) else uuid.uuid4().hex
        user = getattr(request, "user", None)
        token = _context.set(
            {"request_id": request_id, "user_id": user.pk if user is not None and user.is_authenticated else None}
        )
        try:
            response = self.get_response(request)
        finally:
            _context.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestContextFilter(logging.Filter):
    def filter(self, record):
        context = current_context()
        record.request_id = context.get("request_id")
        record.user_id = context.get("user_id")
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "user_id": getattr(record, "user_id", None),
        }
        status = getattr(record, "status_code", None)
        if status:
            entry["status"] = status
        if record.exc_info or record.exc_text:
            # exc_text is the traceback as the personal-data filter redacted it: never format exc_info anew.
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
