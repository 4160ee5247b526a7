"""Fault tests: a real local SMTP server, real crashes (SMTP down, SIGKILLed worker, database connection
terminated); every message must reach the server exactly once, counted by Message-ID."""

import pytest

from .smtp import SmtpServer


@pytest.fixture
def smtp(settings):
    server = SmtpServer()
    server.start()
    settings.NEGE_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield server
    server.stop()
