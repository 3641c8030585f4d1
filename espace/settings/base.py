"""Settings shared by every environment, safe for production on their own.

Everything that differs between machines comes from the environment (see the
configuration table in README.md, detailed in docs/configuration.md). Nothing here is insecure: no default secret,
DEBUG off, no allowed host unless given.
"""

import datetime
import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from core.site import parse_site_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} doit valoir true ou false, pas {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# The site's public address, e.g. https://espace.example: every absolute link starts
# with it (emails, feeds, calendar files, sitemap). Production refuses to start without it.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
if SITE_URL:
    parse_site_url(SITE_URL)
# Default to the host and origin of SITE_URL: one setting is enough for a simple install.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or ([parse_site_url(SITE_URL)[1]] if SITE_URL else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or ([SITE_URL] if SITE_URL.startswith("https://") else [])

INSTALLED_APPS = [
    "core",
    "home",
    "booking",
    "agenda",
    "resources",
    "reports",
    "follow",
    "partners",
    "reemploi",
    "opendata",
    "accessibility",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "espace.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "espace.middleware.SecurityHeadersMiddleware",
    # HTML compressed here (no proxy in front in the compose stack); BREACH: see core/page_cache.py.
    "espace.middleware.TextGZipMiddleware",
    # Before the database: a kept page is served even while the database is away.
    "core.page_cache.PageCacheMiddleware",
    "espace.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.twofactor.AdminTwoFactorMiddleware",
    "core.groups.CoordinationReportsMiddleware",
    "core.admin_lists.AdminQueryGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one account
# from one address, that pair is locked out for LOGIN_LOCKOUT_MINUTES, then by itself
# unlocked; `manage.py axes_reset_username NAME` unlocks at once, and Coordination sees and
# lifts lockouts in the admin (« Comptes bloqués »).
# AxesBackend only refuses locked-out logins (and loads users for sessions); ModelBackend checks passwords.
# WideLoginLimitBackend adds a limit per account and one per address (core/login_limits.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "core.login_limits.WideLoginLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("LOGIN_ACCOUNT_FAILURE_LIMIT", "20"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
PASSWORD_RESETS_PER_HOUR = int(os.environ.get("PASSWORD_RESETS_PER_HOUR", "3"))
# How long the link of a mail about one booking or registration opens it (core/links.py).
PERSONAL_LINK_DAYS = int(os.environ.get("PERSONAL_LINK_DAYS", "365"))
# The logins' addresses and browsers that axes records: erased after this (core/jobs.py).
LOGIN_LOG_KEEP_DAYS = int(os.environ.get("LOGIN_LOG_KEEP_DAYS", "30"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"  # the visitor behind trusted proxies
AXES_USERNAME_CALLABLE = "core.ratelimit.login_username"
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_ENABLE_ADMIN = False  # no Django admin here: see core/wagtail_hooks.py
AXES_VERBOSE = False

# Two-factor codes (TOTP, wagtail-2fa): required of the accounts allowed to change every
# page (Coordination, superusers), offered to members; see core/twofactor.py.
WAGTAIL_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = "Espace numérique du Pays de Redon"

ROOT_URLCONF = "espace.urls"
WSGI_APPLICATION = "espace.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file by default so that a newcomer needs nothing else.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock when a transaction starts, and the timeout
    # makes a second writer wait for it instead of failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory for one process; CACHE_URL=redis://... shares it between processes.
# When Redis does not answer, the site goes on with a local cache (core/cache.py).
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            # Per site: a staging beside production, or two collectives, may share one Redis.
            "KEY_PREFIX": f"espace:{urlsplit(SITE_URL).netloc}",
            # A Redis that hangs must not hang the page: give up quickly, fall back.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL doit commencer par redis://, rediss:// ou unix://.")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages for visitors without a session, from that cache (core/page_cache.py): at most this
# old for what changes with the clock alone; a write empties at once what it changes.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "30"))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/dev/", "/documents/")
# After a publish, the worker renders the page and those that list it, making the renditions of
# their pictures before a visitor asks (core/renditions.py).
RENDITIONS_AFTER_PUBLISH = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several web machines share uploaded media through an S3-compatible object store.
# Media URLs stay on the site (SITE_URL/media/…): the reverse proxy passes /media/ to
# the bucket, so pages load nothing from another origin (docs/operations.md, « Growing past one machine »).
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY", ""),
            "secret_key": os.environ.get("MEDIA_S3_SECRET_KEY", ""),
            "querystring_auth": False,
            "file_overwrite": False,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN")
            or (f"{urlsplit(SITE_URL).netloc}/media" if SITE_URL else None),
            "url_protocol": f"{SITE_URL.split(':', 1)[0]}:" if SITE_URL else "https:",
        },
    }
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: SMTP configured from the environment.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
# The Date header in Paris time with its real offset (+0100, +0200), not UTC « -0000 » (unknown zone).
EMAIL_USE_LOCALTIME = True
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Espace numérique <ne-pas-repondre@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_OUTBOX_DIR = None  # set in dev: mails are kept on disk and listed at /dev/courriels/

# Tasks (mails, scheduled jobs): stored in the database, in the transaction that
# makes them, and run by `manage.py worker`; `manage.py scheduler` queues the jobs.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers; Content-Security-Policy and X-Frame-Options come from espace.middleware.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Wagtail
WAGTAIL_SITE_NAME = "Espace numérique du Pays de Redon"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nothing contacts a third party, the admin included
WAGTAILADMIN_USER_LOGIN_FORM = "core.forms.AdminLoginForm"  # « Mot de passe », not « Password »
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USER_TIME_ZONES = ["Europe/Paris"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Pictures are served as AVIF, WebP for browsers without it, JPEG or PNG last (the templates'
# {% picture %} tags). AVIF 50 makes files about a fifth lighter than Wagtail's default (61)
# and still looks clean at the sizes shown; WebP 75 is cwebp's own default.
WAGTAILIMAGES_AVIF_QUALITY = 50
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "txt", "csv", "docx", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Always through Wagtail's view, which checks a private collection's restriction: never a
# redirect to the storage's public address (S3), nor the media view.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {
    # On PostgreSQL this backend uses PostgreSQL's full-text search.
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"}
}

# Reverse proxies whose X-Forwarded-For is believed (addresses or networks), and how
# many stand in a row in front of the site: the rate limits then see each visitor's
# address instead of the proxy's (core/ratelimit.py). Empty: REMOTE_ADDR alone.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES\u00a0: {_proxy!r} n'est ni une adresse IP ni un réseau."
        ) from error

# Registrations to ateliers are deleted this many days after the session (privacy notice).
AGENDA_KEEP_REGISTRATIONS_DAYS = int(os.environ.get("AGENDA_KEEP_REGISTRATIONS_DAYS", "30"))
# Registration forms one address may send per hour (spam defence).
AGENDA_REGISTRATIONS_PER_HOUR = int(os.environ.get("AGENDA_REGISTRATIONS_PER_HOUR", "10"))
# Personal data of room bookings is erased this many days after the booking (privacy notice).
BOOKING_KEEP_DAYS = int(os.environ.get("BOOKING_KEEP_DAYS", "90"))
# Booking requests one address may send per hour (spam defence).
BOOKING_REQUESTS_PER_HOUR = int(os.environ.get("BOOKING_REQUESTS_PER_HOUR", "10"))
# Subscriptions to the ateliers' emails never confirmed are erased after this many days (privacy notice).
FOLLOW_UNCONFIRMED_DAYS = int(os.environ.get("FOLLOW_UNCONFIRMED_DAYS", "7"))
# Subscription forms one address may send per hour (spam defence).
FOLLOW_REQUESTS_PER_HOUR = int(os.environ.get("FOLLOW_REQUESTS_PER_HOUR", "10"))
# Who gave or asked for a device is erased this many days after the last step (privacy notice).
REEMPLOI_KEEP_DAYS = int(os.environ.get("REEMPLOI_KEEP_DAYS", "90"))
# Donation and request forms one address may send per hour (spam defence).
REEMPLOI_REQUESTS_PER_HOUR = int(os.environ.get("REEMPLOI_REQUESTS_PER_HOUR", "10"))
# Accessibility reports one address may send per hour (spam defence).
ACCESSIBILITY_REPORTS_PER_HOUR = int(os.environ.get("ACCESSIBILITY_REPORTS_PER_HOUR", "5"))

# Uploaded media served by the site itself (the proxy may do it instead: SERVE_MEDIA=false).
SERVE_MEDIA = env_bool("SERVE_MEDIA", not MEDIA_S3_BUCKET)

# Nightly backups (core/backup.py): where the archives go, and how many days are kept.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))
BACKUP_KEEP_DAYS = int(os.environ.get("BACKUP_KEEP_DAYS", "14"))

DEMO_CONTENT_ALLOWED = False  # only dev and test may create demo accounts

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
