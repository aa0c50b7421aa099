"""Settings shared by every environment. Values that differ between machines come from the
environment through ``env``; see docs/architecture.md for the map of the project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .database import database_settings
from .env import envbool, envint, envlist, envstr

SRC_DIR = Path(__file__).resolve().parent.parent  # src/biuletyn
BASE_DIR = SRC_DIR.parent.parent  # the repository root
VAR_DIR = Path(envstr("BIULETYN_VAR_DIR", str(BASE_DIR / "var")))
# SQLite cannot create the folder its database file lives in.
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# The admin's own address when it is not the public site's (an internal host): links to the
# admin in messages to organisers use it. Empty: the public site's root, which serves /admin/ too.
ADMIN_BASE_URL = envstr("WAGTAILADMIN_BASE_URL")
# Wagtail's own setting (its e-mails to editors): the admin's address, or `make run`'s.
WAGTAILADMIN_BASE_URL = ADMIN_BASE_URL or "http://127.0.0.1:8000"

INSTALLED_APPS = [
    "biuletyn.core",
    "biuletyn.components",
    "biuletyn.pages",
    "biuletyn.accessibility",
    "biuletyn.images",
    "biuletyn.organisations",
    "biuletyn.venues",
    "biuletyn.articles",
    "biuletyn.events",
    "biuletyn.registrations",
    "biuletyn.consultations",
    "biuletyn.extraction",
    "biuletyn.imports",
    "biuletyn.sources",
    "biuletyn.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    # The page cache stores what the rest of the stack produced; it sits outermost so that
    # everything below (headers, CSP) is part of the cached response.
    "biuletyn.core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "biuletyn.core.middleware.SecurityHeadersMiddleware",
    "biuletyn.core.csp.SplitCSPMiddleware",
    "biuletyn.core.middleware.AnonymousCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "biuletyn.core.middleware.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "biuletyn.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]
FORM_RENDERER = "biuletyn.core.forms.BiuletynFormRenderer"

WSGI_APPLICATION = "biuletyn.wsgi.application"

# Databases: SQLite by default (embedded, nothing to install), PostgreSQL in production.
SQLITE_PATH = VAR_DIR / "biuletyn.sqlite3"
DATABASES = {"default": database_settings(envstr("DATABASE_URL"), SQLITE_PATH)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches shared by every worker process with no extra server: files on local disk. ADR 0001.
CACHES: dict[str, dict[str, Any]] = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "default",
    },
}
# The full-page cache for anonymous readers (biuletyn.core.pagecache).
PAGE_CACHE_ENABLED = envbool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_DIR = Path(envstr("PAGE_CACHE_DIR", str(VAR_DIR / "cache" / "pages")))
PAGE_CACHE_MAX_ENTRIES = envint("PAGE_CACHE_MAX_ENTRIES", 20000)

# Background work: django-tasks with its database backend, run by `manage.py db_worker`. ADR 0003.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Polish at /, English at /en/, from the path alone. ADR 0004.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Cookies: only strictly necessary ones (session and CSRF for people who log in or post a form).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", False)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", False)
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_NAME = "django_language"  # read by nothing public: the path alone decides

# Security headers. HTTPS redirect and HSTS come from the environment so that `make serve` works
# over plain HTTP on loopback.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# SAMEORIGIN so that Wagtail's preview can frame the page; public pages forbid framing through
# CSP frame-ancestors 'none', which browsers prefer.
X_FRAME_OPTIONS = "SAMEORIGIN"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
if envbool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp 4). Public pages: nothing inline, nothing from other hosts.
# The Wagtail admin gets its own, wider policy in biuletyn.core.csp. ADR 0002.
_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "media-src": [_SELF],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": [_SELF],
        "form-action": [_SELF],
    },
}
CSP_ADMIN_PATH_PREFIXES = ("/admin/",)

# Wagtail
WAGTAIL_SITE_NAME = "Biuletyn"
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
# What a reader meets on a page for signed-in readers or behind a password: our page shell, in
# the page's language, with the error summary of every form (not Wagtail's bare defaults).
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "core/login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"  # noqa: S105 (a template)
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"  # noqa: S105
WAGTAILADMIN_USER_LOGIN_FORM = "biuletyn.core.admin_forms.LoginForm"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "biuletyn.core.widgets.LabelledDraftailRichTextArea"}
}
# No request to any other host from any page, the admin included. ADR 0005.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILEMBEDS_FINDERS: list[dict[str, object]] = []
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_IMAGE_MODEL = "images.BiuletynImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "biuletyn.images.forms.AccessibleImageForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "gif": "png", "heic": "jpeg", "avif": "avif"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "txt", "csv", "rtf", "epub"]
# Documents only through Wagtail's view (collection privacy), always as a download: never
# opened inline in the site's origin, never linked under MEDIA_URL, which serves images only
# (ADR 0009). Wagtail's view adds nosniff itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []

EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "biuletyn@localhost")

# --- registrations (ADR 0011) ---------------------------------------------------------------
# Accommodation answers (health data) are deleted this many days after the event ends; the
# registration itself is anonymised after the longer period.
REGISTRATION_ACCOMMODATION_DAYS = envint("REGISTRATION_ACCOMMODATION_DAYS", 30)
REGISTRATION_ANONYMISE_DAYS = envint("REGISTRATION_ANONYMISE_DAYS", 180)
# Sent messages (they name the person) are deleted after this many days.
REGISTRATION_MESSAGE_DAYS = envint("REGISTRATION_MESSAGE_DAYS", 30)
# How long a signed link works, per purpose (tokens.py).
REGISTRATION_TOKEN_DAYS = {"view": 400, "cancel": 1, "export": 1}
# Sign-ups per hour from one IP address and for one e-mail address or phone, before the 429 page.
REGISTRATION_RATE_LIMITS = {
    "ip": envint("REGISTRATION_RATE_LIMIT_IP", 20),
    "contact": envint("REGISTRATION_RATE_LIMIT_CONTACT", 5),
}
# Reverse proxies in front of the app that append to X-Forwarded-For (nginx: 1). With 0 the
# client is REMOTE_ADDR; behind a proxy that would be the proxy, and everyone would share a limit.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
# Who answers accommodation requests, as the organiser's alert names them (e.g. "Anna Nowak,
# dostepnosc@example.org, 81 466 00 00"); empty: the e-mails of the coordinators' group.
REGISTRATION_COORDINATOR_CONTACT = envstr("REGISTRATION_COORDINATOR_CONTACT", "")

# Public consultations (issue 11).
# Reports from readers that hide a published comment until a moderator decides.
CONSULTATION_REPORTS_TO_HIDE = envint("CONSULTATION_REPORTS_TO_HIDE", 3)
# Days after the report is published when commenters' e-mail addresses are erased (the report
# keeps the author as they gave it, or "a resident"; 0: at once, when it is published).
CONSULTATION_CONTACT_DAYS = envint("CONSULTATION_CONTACT_DAYS", 30)
# Days a comment's confirmation link works (a comment sent in time may be confirmed later).
CONSULTATION_CONFIRM_DAYS = envint("CONSULTATION_CONFIRM_DAYS", 7)
# Comments per hour from one address and for one e-mail address.
CONSULTATION_RATE_LIMITS = {
    "ip": envint("CONSULTATION_RATE_LIMIT_IP", 20),
    "contact": envint("CONSULTATION_RATE_LIMIT_CONTACT", 10),
}
# Text messages: without a backend, an SMS is a task for staff (shown in the admin).
SMS_BACKEND = envstr("SMS_BACKEND", "biuletyn.registrations.sms.ManualBackend")
# The outbox: attempts before a message is marked failed, and the wait after each failure.
OUTBOX_MAX_ATTEMPTS = 6
OUTBOX_RETRY_MINUTES = (1, 5, 15, 60, 240)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django_tasks": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "biuletyn": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
