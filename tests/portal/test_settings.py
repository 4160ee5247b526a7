"""Settings read from the environment: EMAIL_URL as the README writes it."""

from pathlib import Path

from portal.settings import BASE_DIR, email_url_config

FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"


def test_filemail_with_an_absolute_folder():
    config = email_url_config("filemail:///srv/nege/mail")
    assert config["EMAIL_BACKEND"] == FILE_BACKEND
    assert config["EMAIL_FILE_PATH"] == "/srv/nege/mail"


def test_filemail_with_a_relative_folder_is_under_the_repository():
    config = email_url_config("filemail://var/mail")
    assert Path(config["EMAIL_FILE_PATH"]) == BASE_DIR / "var" / "mail"
    assert config["EMAIL_HOST"] is None


def test_smtp_is_unchanged():
    config = email_url_config("smtp+tls://user:secret@smtp.example.org:587")
    assert config["EMAIL_HOST"] == "smtp.example.org" and config["EMAIL_PORT"] == 587
    assert config["EMAIL_USE_TLS"] is True and config["EMAIL_HOST_USER"] == "user"
