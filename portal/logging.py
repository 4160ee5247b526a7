"""No personal data in application logs or error reports.

- `PersonalDataFilter`, on the log handlers (settings.LOGGING): the message and the traceback of every
  record are redacted of e-mail addresses, phone numbers, long identifiers (RSA/CAF, France Travail,
  social security numbers) and of the values a person typed in the request's personal fields (names,
  addresses...: the `request` that Django's request logging attaches to the record);
- `PersonalDataExceptionReporterFilter` (settings.DEFAULT_EXCEPTION_REPORTER_FILTER) and
  `PersonalDataExceptionReporter` (DEFAULT_EXCEPTION_REPORTER), for the error e-mails and pages: POST values
  hidden, local variables hidden unless plain numbers, the exception message redacted like a log line.
"""

import logging
import re
import traceback

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

REDACTED = "[donnée masquée]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# French phone numbers (0X XX XX XX XX, +33 X..., with spaces, dots or dashes) and any run of 7+ digits
# (CAF, France Travail, social security numbers), optionally followed by a key letter.
PHONE = re.compile(r"(?<!\w)(?:\+33\s?|0033\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\w)")
LONG_NUMBER = re.compile(r"(?<![\w.])\d(?:[\s]?\d){6,}[A-Za-z]?(?![\w.])")
#: Request fields whose typed values are personal (matched on the field name).
PERSONAL_FIELD = re.compile(
    r"name|nom|prenom|email|mail|phone|tel|street|address|adresse|city|ville|postcode|caf|france_travail|"
    r"identifier|birth|signature|message|comment|note|wishes|contact",
    re.IGNORECASE,
)
MIN_VALUE_LENGTH = 2


def typed_values(request):
    """The values typed in the request's personal fields (POST and query string), longest first."""
    values = set()
    for data in (getattr(request, "POST", None), getattr(request, "GET", None)):
        if not data:
            continue
        for key in data:
            if PERSONAL_FIELD.search(key):
                values.update(v.strip() for v in data.getlist(key) if len(v.strip()) >= MIN_VALUE_LENGTH)
    return sorted(values, key=len, reverse=True)


def redact(text, values=()):
    """`text` without e-mail addresses, phone numbers, long identifiers nor any of `values`."""
    if not text:
        return text
    for value in values:
        text = re.sub(re.escape(value), REDACTED, text, flags=re.IGNORECASE)
    text = EMAIL.sub(REDACTED, text)
    text = PHONE.sub(REDACTED, text)
    return LONG_NUMBER.sub(REDACTED, text)


class PersonalDataFilter(logging.Filter):
    """Redact a record in place (message, arguments, traceback) before a handler formats it."""

    def filter(self, record):
        values = typed_values(getattr(record, "request", None))
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg, record.args = redact(message, values), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = redact(record.exc_text, values)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, values)
        return True


class PersonalDataExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports never show what a person typed, nor the values of local variables."""

    hidden_settings = re.compile(
        "API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|QUERY_STRING|REFERER|DATABASE_URL", flags=re.IGNORECASE
    )

    def is_active(self, request):
        return True  # also in development: a debug page is shared in bug reports

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [
            (name, value if isinstance(value, (bool, int, float, type(None))) else self.cleansed_substitute)
            for name, value in tb_frame.f_locals.items()
        ]


class PersonalDataExceptionReporter(ExceptionReporter):
    """The exception message (an integrity error quotes the values) is redacted like a log line."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        values = typed_values(self.request)
        if data.get("exception_value"):
            data["exception_value"] = redact(str(data["exception_value"]), values)
        for frame in data.get("frames", []):
            if frame.get("exc_cause"):
                frame["exc_cause"] = redact(str(frame["exc_cause"]), values)
        data["request_GET_items"] = (
            [(key, REDACTED) for key, _value in self.request.GET.items()] if self.request else []
        )
        return data
