"""Test settings: fast and isolated. DATABASE_URL still picks PostgreSQL in CI."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, DATABASES

# A file, not memory, for SQLite: concurrency tests need several connections writing.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# CACHE_URL (CI sets it to Redis) is honoured; each run gets its own key prefix.
CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"
# Rolled-back test data would leave kept pages behind: the page cache tests switch it on.
PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once; the tests of the queue switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tasks run at once here: every publish of every test would render three pages. Its tests switch it on.
RENDITIONS_AFTER_PUBLISH = False
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_CONTENT_ALLOWED = True
# Backups the scheduler's jobs make during tests stay out of the repository.
BACKUP_DIR = Path(tempfile.gettempdir()) / f"espace-test-backups-{os.getpid()}"

# Static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Admin tests log in with a password; tests/core/test_two_factor.py switches the codes on.
WAGTAIL_2FA_REQUIRED = False
