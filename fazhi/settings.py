"""Settings, all from the environment (see README: 配置)."""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("FAZHI_VAR_DIR", Path.cwd() / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """FAZHI_SECRET_KEY, or a key generated once into var/ (never committed)."""
    if key := os.environ.get("FAZHI_SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("FAZHI_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("FAZHI_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "auditlog",
    "axes",
    "django_htmx",
    "csp",
    "fazhi.core",
    "fazhi.indicators",
    "fazhi.report_reader",
    "fazhi.litigation",
    "fazhi.reconsideration",
    "fazhi.enforcement",
    "fazhi.annual_report",
    "fazhi.mediation",
    "fazhi.corrections",
    "fazhi.accountability",
    "fazhi.publicity",
    "fazhi.rulemaking",
    "fazhi.legal_aid",
    "fazhi.legal_services",
    "fazhi.statistics",
    "fazhi.notifications",
    "django_tasks",
    "django_tasks_db",
    "fazhi.core.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "fazhi.core.middleware.SessionRefreshMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "fazhi.core.middleware.QueryCharactersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "fazhi.core.middleware.SessionExpiryLoginRequiredMiddleware",
    "fazhi.core.middleware.ActiveMembershipMiddleware",
    "fazhi.core.middleware.PasswordChangeRequiredMiddleware",
    "fazhi.core.middleware.AtomicWritesMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.core.context_processors.platform",
                "fazhi.notifications.context_processors.unread",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'fazhi.sqlite3'}",
        conn_max_age=int(os.environ.get("FAZHI_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo serve pages while a command writes.
    # One writer at a time: a writer waits up to FAZHI_SQLITE_TIMEOUT seconds for another's
    # transaction instead of failing with "database is locked", a 500
    # (benchmarks/load_faults.py). An Excel import no longer holds it while its workbook is
    # read: the worker reads and checks first, the service's transaction only writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("FAZHI_SQLITE_TIMEOUT", "120")),
        }
    )
    # Tests run on a file like production, not in memory: concurrent writers then wait
    # for each other as they do in the demo instead of failing with "table is locked".
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Computed figures (dashboard, list counts) are cached under the data version
# (core/dataversion.py), so entries never go stale; files let every server process share them.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "fazhi.core.passwords.MinimumLengthChineseValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "fazhi.core.passwords.CharacterClassValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:due_list"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 8 idle hours and with the browser. They live in a cache of their own
# (files under var/sessions, shared by the server's processes, kept over a restart), not in
# the database: a page view writes nothing there (on SQLite a session saved on every GET
# queued every reader behind every writer). The idle timeout is renewed by
# core.middleware.SessionRefreshMiddleware at most once a FAZHI_SESSION_REFRESH_SECONDS.
SESSION_COOKIE_AGE = int(os.environ.get("FAZHI_SESSION_SECONDS", 8 * 3600))
FAZHI_SESSION_REFRESH_SECONDS = int(os.environ.get("FAZHI_SESSION_REFRESH_SECONDS", 60))
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
SESSION_CACHE_ALIAS = "sessions"
CACHES["sessions"] = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": VAR_DIR / "sessions",
    "TIMEOUT": SESSION_COOKIE_AGE,
    "OPTIONS": {"MAX_ENTRIES": 100_000},  # never culled below a province's users
}
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Scripts only from the platform's own files (static/fazhi/fazhi.js, htmx): no inline script
# or handler runs, so an injected one cannot either. Inline styles stay allowed (htmx adds
# its indicator style; the published report page carries its own).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Behind an HTTPS reverse proxy (which sets X-Forwarded-Proto): secure cookies, HSTS and a
# redirect of plain HTTP. Off by default, as the demo and the tests run on plain HTTP.
FAZHI_HTTPS = os.environ.get("FAZHI_HTTPS") == "1"
if FAZHI_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("FAZHI_HSTS_SECONDS", 365 * 24 * 3600))

# Throttling of failed logins (django-axes) for 15 minutes: 5 failures lock a username from
# any address, 20 failures from one address lock it for every username (password spraying).
AXES_FAILURE_LIMIT = int(os.environ.get("FAZHI_LOGIN_FAILURE_LIMIT", "5"))
FAZHI_LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("FAZHI_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_HANDLER = "fazhi.core.throttle.LoginThrottle"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing one
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media-not-served/"  # attachments are served only through the permission-checked view

FAZHI_ATTACHMENT_MAX_BYTES = int(os.environ.get("FAZHI_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))
# A request's form fields, files aside (those have their own limits): a larger body gets the
# Chinese 413 page (core.views.bad_request), never a form of megabytes of text.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("FAZHI_FORM_MAX_BYTES", 2 * 1024 * 1024))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Fazhi API",
    "DESCRIPTION": "法治政府建设管理平台数据交换接口",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema names every route and field: only for logged-in users, like the API itself.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("FAZHI_LOG_LEVEL", "WARNING")},
}

# 法治督察: natural days after the feedback within which the inspected unit reports its
# 整改方案 (docs/rules.md, "法治督察").
FAZHI_RECTIFICATION_PLAN_DAYS = int(os.environ.get("FAZHI_RECTIFICATION_PLAN_DAYS", "30"))
# 法治建设考核: working days after the review within which an assessed unit may appeal
# (申诉) a score (docs/rules.md, "法治督察 · 法治建设考核 · 述法").
FAZHI_ASSESSMENT_APPEAL_DAYS = int(os.environ.get("FAZHI_ASSESSMENT_APPEAL_DAYS", "5"))
# 学法考法: the scores at which a result counts as 及格 and as 优秀 (docs/rules.md, "普法").
FAZHI_EXAM_PASS_SCORE = int(os.environ.get("FAZHI_EXAM_PASS_SCORE", "60"))
FAZHI_EXAM_EXCELLENT_SCORE = int(os.environ.get("FAZHI_EXAM_EXCELLENT_SCORE", "90"))

# Notifications (fazhi/notifications): `fazhi notify` reminds this many working days before a
# last day (and on the day, and once overdue); a failed e-mail is tried at most this often.
# Mail goes through Django's EMAIL_* settings: the console by default (the demo), SMTP when
# FAZHI_EMAIL_HOST is set.
FAZHI_NOTICE_DAYS_BEFORE = int(os.environ.get("FAZHI_NOTICE_DAYS_BEFORE", "3"))
FAZHI_NOTICE_MAX_ATTEMPTS = int(os.environ.get("FAZHI_NOTICE_MAX_ATTEMPTS", "3"))
FAZHI_SITE_URL = os.environ.get("FAZHI_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("FAZHI_EMAIL_FROM", "fazhi@localhost")
if os.environ.get("FAZHI_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["FAZHI_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("FAZHI_EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("FAZHI_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("FAZHI_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("FAZHI_EMAIL_TLS") == "1"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Background work (fazhi/core/jobs): django-tasks with its database backend (django-tasks-db) —
# the queue is a table of the platform's database (SQLite or PostgreSQL), run by
# `fazhi db_worker` (started beside the server by `fazhi demo`; a systemd unit in
# docs/deployment.md). FAZHI_TASK_BACKEND=immediate runs each task in the request instead
# (the tests do). A job hit by a busy database is tried at most FAZHI_TASK_ATTEMPTS times.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("FAZHI_TASK_BACKEND", "database")]}}
FAZHI_TASK_ATTEMPTS = int(os.environ.get("FAZHI_TASK_ATTEMPTS", "3"))
