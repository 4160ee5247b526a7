"""Settings of the NEGE portal: one module, read from the environment (12-factor).

Development reads a `.env` file at the repository root (written by `make`);
production passes real environment variables. Secrets have no default.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")


def email_url_config(url):
    """django-environ's EMAIL_URL settings, with the file backend's folder taken as written.

    `filemail:///var/mail/nege` is an absolute folder (django-environ drops its leading slash);
    `filemail://var/mail` (no third slash) is relative to the repository root."""
    config = environ.Env.email_url_config(url)
    if config["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend":
        parts = urlsplit(url)
        folder = unquote(parts.netloc + parts.path)
        config["EMAIL_FILE_PATH"] = str(Path(folder) if parts.netloc == "" else BASE_DIR / folder)
        config["EMAIL_HOST"] = None
    return config


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY")  # no default: the site refuses to start without it
if not DEBUG and (len(SECRET_KEY) < 40 or SECRET_KEY.startswith(("django-insecure", "changeme", "dev-"))):
    raise ImproperlyConfigured("SECRET_KEY must be a long random value when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Public base URL, used in e-mails and in the extranet's notification links.
BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "portal.accounts",
    "portal.organisations",
    "portal.pages",
    "portal.mail",
    "portal.operations",
    "directory",
    "membership",
    "news",
    "recruitment",
    "recruitment.commission",
    "recruitment.sar",
    "recruitment.alerts",
    "legacy",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.accounts.apps.ExtranetUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_q",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "portal.operations.health.HealthCheckMiddleware",  # first: probes bypass host checks and the HTTPS redirect
    "portal.client.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.log_context.RequestContextMiddleware",  # request and user ids on every log line
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",  # after AuthenticationMiddleware: request.user.is_verified()
    "portal.frame.CachedPermissionsMiddleware",  # extranet: the user's permissions from the cache
    "portal.accounts.idle.SessionIdleMiddleware",  # before the second factor: an idle session logs out
    "portal.accounts.two_factor.TwoFactorMiddleware",
    "portal.accounts.choosers.ChooserAccessMiddleware",  # Wagtail's choosers: editors and holders only
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.ExtranetCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.public_cache.PublicPageCacheMiddleware",  # last: anonymous public pages (see the module)
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent web + worker on SQLite: wait for the lock instead of failing.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["portal.accounts.backends.UsernameOrEmailBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "portal.accounts.forms.ExtranetLoginForm"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = None

# Static and media files ---------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Private files (CVs, consent forms, e-mail attachments) never live under MEDIA_URL:
# they are served by views that check permissions.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))

AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    _default_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"location": "media"}}
    _private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": "private", "querystring_auth": True, "querystring_expire": 300},
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _private_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    }
STORAGES = {
    "default": _default_storage,
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": env("STATICFILES_BACKEND", default="whitenoise.storage.CompressedManifestStaticFilesStorage")
    },
}
WHITENOISE_MAX_AGE = 31536000  # hashed names make far-future caching safe
# Uploads: keep the default in-memory limit; each form checks its own maximum.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640

# Cache, background tasks -------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "nege"}}

NEGE_TASKS_SYNC = env.bool("NEGE_TASKS_SYNC", default=False)
Q_CLUSTER = {
    "name": "nege",
    "workers": env.int("Q_WORKERS", default=2),
    "timeout": 120,
    "retry": 180,  # must exceed timeout
    "max_attempts": 1,  # e-mail retries are handled by portal.mail with backoff
    "catch_up": False,
    "sync": NEGE_TASKS_SYNC,
    "save_limit": 1000,
    "label": "Tâches de fond",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# E-mail -------------------------------------------------------------------
# Django's own backend only queues (portal.mail); the worker delivers through NEGE_EMAIL_BACKEND.
if env("EMAIL_URL", default=""):
    vars().update(email_url_config(env("EMAIL_URL")))
    NEGE_EMAIL_BACKEND = EMAIL_BACKEND  # noqa: F821 (set by email_url)
else:
    NEGE_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_BACKEND = "portal.mail.backends.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Numéric'Emploi Grand Est <ne-pas-repondre@numeric-emploi.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
NEGE_EMAIL_MAX_ATTEMPTS = env.int("NEGE_EMAIL_MAX_ATTEMPTS", default=6)
# Exactly once (portal/mail/delivery.py): the Message-ID domain, the delivery journal kept outside the database
# (one folder shared by every worker), the lease of a send (longer than the worker's task timeout) and the delay
# after which the every-minute sweeper takes a queued e-mail whose task was lost (picked up within 2 minutes).
NEGE_EMAIL_DOMAIN = env("NEGE_EMAIL_DOMAIN", default=DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost")
NEGE_EMAIL_JOURNAL_DIR = Path(env("NEGE_EMAIL_JOURNAL_DIR", default=str(VAR_DIR / "mail-journal")))
NEGE_EMAIL_LEASE = env.int("NEGE_EMAIL_LEASE", default=300)
NEGE_EMAIL_SWEEP_AFTER = env.int("NEGE_EMAIL_SWEEP_AFTER", default=30)
# Seconds per SMTP operation (unless EMAIL_URL says): a hung server never holds a lease for long.
EMAIL_TIMEOUT = vars().get("EMAIL_TIMEOUT") or env.int("EMAIL_TIMEOUT", default=30)

# Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Numéric'Emploi Grand Est"
WAGTAILADMIN_LOGIN_URL = "/extranet/login/"
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "png", "jpg", "jpeg"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # no SVG: it can carry scripts
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.upload_forms.ImageForm"  # checked by portal.uploads
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.upload_forms.DocumentForm"
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILUSERS_PASSWORD_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no e-mail hashes sent to a third party (and the CSP blocks it)
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILAPI_BASE_URL = BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],  # the public API is anonymous: public content only
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    # Per client address; a bench raises it (bench/_server.py) so that it measures the API, not the refusals.
    "DEFAULT_THROTTLE_RATES": {"anon": env("NEGE_API_ANON_RATE", default="600/hour")},
}

# Business settings -------------------------------------------------------
NEGE_NEWS_DIGEST_HOUR = env.int("NEGE_NEWS_DIGEST_HOUR", default=7)
# Local hour at which the saved pool searches' alerts are e-mailed (recruitment.alerts).
NEGE_POOL_ALERT_HOUR = env.int("NEGE_POOL_ALERT_HOUR", default=7)
NEGE_COMMISSION_EMAIL = env("NEGE_COMMISSION_EMAIL", default="recrutement.ge@numeric-emploi.org")

# Staff second factor (portal/accounts/two_factor.py): "required" makes every user who reads personal data
# (portal.accounts.rules.requires_second_factor) enrol and verify a TOTP code at each login; "offered" only
# offers the enrolment (development: the demo users of `make run` log in with their password alone).
NEGE_TWO_FACTOR = env("NEGE_TWO_FACTOR", default="offered" if DEBUG else "required")
if NEGE_TWO_FACTOR not in ("required", "offered"):
    raise ImproperlyConfigured('NEGE_TWO_FACTOR must be "required" or "offered".')
OTP_TOTP_ISSUER = "Extranet NEGE"
# An extranet session ends after this many minutes without a request (portal/accounts/idle.py).
NEGE_SESSION_IDLE_MINUTES = env.int("NEGE_SESSION_IDLE_MINUTES", default=120)
# Anonymous public pages served from the cache (portal/public_cache.py). On by default with a shared cache
# only: with per-process memory, a change made by the worker would not reach the web process's copy.
NEGE_PUBLIC_CACHE = env.bool("NEGE_PUBLIC_CACHE", default=bool(REDIS_URL))

# Security ----------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 10
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DENY (deploy check W019): the CSP frame-ancestors directive still lets the admin preview frame its pages,
# and Wagtail sets SAMEORIGIN itself on its preview views.
X_FRAME_OPTIONS = "DENY"
# Proxies in front of the application: a number of hops, or their addresses/networks (portal/client.py).
NEGE_TRUSTED_PROXIES = env("NEGE_TRUSTED_PROXIES", default="0")
RATELIMIT_IP_META_KEY = "portal.client.ratelimit_ip"  # every rate limit sees the client behind the proxy
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] if not REDIS_URL else []
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The pool's covering index (INCLUDE columns) is a PostgreSQL optimisation; SQLite builds it without them.
    SILENCED_SYSTEM_CHECKS.append("models.W040")

from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "portal.log_context.JsonFormatter"},  # one JSON object per line, with request and user ids
    },
    # No personal data in the logs (portal/logging.py): every handler redacts what it writes.
    "filters": {
        "personal_data": {"()": "portal.logging.PersonalDataFilter"},
        "request_context": {"()": "portal.log_context.RequestContextFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env("LOG_FORMAT", default="plain" if DEBUG else "json"),
            "filters": ["request_context", "personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}, "django_tasks": {"level": "WARNING"}},
}
# Error reports (e-mails to ADMINS, debug pages) hide what people typed (portal/logging.py).
DEFAULT_EXCEPTION_REPORTER_FILTER = "portal.logging.PersonalDataExceptionReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "portal.logging.PersonalDataExceptionReporter"

# Error reports to a Sentry server, only when SENTRY_DSN is set, personal data scrubbed (portal/error_reporting.py).
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    from portal.error_reporting import init_error_reporting

    init_error_reporting(
        SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        release=env("SENTRY_RELEASE", default=None),
    )
